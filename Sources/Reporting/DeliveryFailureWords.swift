extension ReportWords {
    /// Attempts that did not reach a person, said once with their count: `not delivered to alice: '/bin/sh'
    /// exited with status 1 (5 attempts)` / `未送达 alice：'/bin/sh' 以状态 1 退出（共 5 次尝试）`.
    public func undelivered(_ failure: RunReport.DeliveryFailure) -> String {
        let zh = language == .zh
        var said = (zh ? "未送达 \(failure.person)：" : "not delivered to \(failure.person): ") + text(failure.why)
        if failure.attempts > 1 { said += zh ? "（共 \(failure.attempts) 次尝试）" : " (\(failure.attempts) attempts)" }
        return said
    }
}
