import RunEngine

/// How fast a drill's real clock runs (`drill start --clock real --speed N`): N drill seconds for each second.
public enum DrillClockSpeed {
    /// The speed `text` gives (1 without one), for a drill on a virtual clock (`virtualClock`) or a real one.
    ///
    /// - Throws: a usage `RunFailure` when `text` is not a whole number from 1 to 3600, or is given for a virtual
    ///   clock (which moves only with `drill advance`).
    public static func parse(_ text: String?, virtualClock: Bool) throws(RunFailure) -> Int {
        guard let text else { return 1 }
        guard let number = Int(text), RunStart.speeds.contains(Int64(number)) else {
            throw RunFailure("--speed takes a whole number from 1 to 3600, not '\(text)'",
                             chinese: "--speed 须为 1 到 3600 的整数，不能是 '\(text)'", isUsage: true)
        }
        guard !virtualClock else {
            throw RunFailure("--speed goes with --clock real; a virtual clock moves with 'drill advance'",
                             chinese: "--speed 只用于 --clock real；虚拟时钟由 'drill advance' 推进", isUsage: true)
        }
        return number
    }
}
