#if canImport(Glibc)
    import Glibc
#endif
import Platform

/// File operations that lose power, the way SQLite's crash-test file layer does: the real files are written as
/// usual (what a process reads back is the page cache), while this layer remembers what is durable, the data a
/// file had at its last fsync and the names a directory had at its last fsync. After `budget` operations that
/// change something, the power goes: that operation and every later one fail, and `reboot()` puts on disk what a
/// machine could find after the cut: for each file, its durable data with some of the writes since then reaching
/// the disk by whole 512-byte sectors (others lost, or read back as zeros past the old end); for each name, its
/// durable entry or, at random, the newer one.
final class PowerCutFiles: FileOperations, @unchecked Sendable {
    // Unchecked: one instance per simulated command, used from one thread.

    /// A file or directory, as the disk knows it.
    final class Inode {
        let isDirectory: Bool
        /// The data at the last fsync (a new file: none).
        var durable: [UInt8]
        init(isDirectory: Bool, durable: [UInt8]) {
            self.isDirectory = isDirectory
            self.durable = durable
        }
    }

    let system = SystemFiles()
    private var random: SplitMix
    /// Changing operations left before the cut.
    private var budget: Int
    private(set) var cut = false
    /// What each name points at now, and what it pointed at after its directory's last fsync (nil: nothing).
    private var current: [String: Inode] = [:]
    private var durableNames: [String: Inode?] = [:]
    private var descriptors: [Int32: (path: String, inode: Inode)] = [:]

    init(budget: Int, seed: UInt64) {
        self.budget = budget
        random = SplitMix(seed: seed)
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
        mutating func coin() -> Bool { next() & 1 == 0 }
    }

    private func powerCut() -> FileError { FileError("power cut", path: "", code: EIO) }

    /// Counts one changing operation; throws once the power is gone.
    private func spend() throws(FileError) {
        if cut { throw powerCut() }
        if budget == 0 {
            cut = true
            throw powerCut()
        }
        budget -= 1
    }

    /// The inode behind `path`, first met now: whatever is there already is durable (it was there before).
    private func known(_ path: String) -> Inode? {
        if let inode = current[path] { return inode }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if durableNames[path] == nil { durableNames[path] = .some(nil) }
            return nil
        }
        let isDirectory = status.st_mode & S_IFMT == S_IFDIR
        let inode = Inode(isDirectory: isDirectory, durable: isDirectory ? [] : Self.contents(path))
        current[path] = inode
        if durableNames[path] == nil { durableNames[path] = .some(inode) }
        return inode
    }

    private static func contents(_ path: String) -> [UInt8] {
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else { return [] }
        defer { Glibc.close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got <= 0 { break }
            bytes += buffer[..<got]
        }
        return bytes
    }

    private func setName(_ path: String, _ inode: Inode?) {
        _ = known(path)
        current[path] = inode
    }

    // MARK: FileOperations

    func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
        if cut { throw powerCut() }
        let existing = known(path)
        let creates = flags & O_CREAT != 0 && existing == nil
        let truncates = flags & O_TRUNC != 0 && existing != nil
        if creates || truncates { try spend() }
        let descriptor = try system.open(path, flags: flags, mode: mode)
        let inode = existing ?? Inode(isDirectory: false, durable: [])
        if creates { setName(path, inode) }
        descriptors[descriptor] = (path, inode)
        return descriptor
    }

    func read(_ descriptor: Int32, count: Int) throws(FileError) -> [UInt8] {
        if cut { throw powerCut() }
        return try system.read(descriptor, count: count)
    }

    func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) throws(FileError) -> Int {
        try spend()
        return try system.write(descriptor, bytes)
    }

    func fsync(_ descriptor: Int32) throws(FileError) {
        try spend()
        // No real fsync: durability is what this layer decides.
        if let (path, inode) = descriptors[descriptor] {
            inode.durable = Self.contents(path)
        }
    }

    func truncate(_ descriptor: Int32, to length: Int) throws(FileError) {
        try spend()
        try system.truncate(descriptor, to: length)
    }

    func size(_ descriptor: Int32) throws(FileError) -> Int {
        if cut { throw powerCut() }
        return try system.size(descriptor)
    }

    func lock(_ descriptor: Int32, shared: Bool) throws(FileError) {
        if cut { throw powerCut() }
        try system.lock(descriptor, shared: shared)
    }

    func unlock(_ descriptor: Int32) { system.unlock(descriptor) }

    func close(_ descriptor: Int32) {
        descriptors[descriptor] = nil
        system.close(descriptor)
    }

    func makeDirectory(_ path: String, mode: UInt32) throws(FileError) {
        try spend()
        _ = known(path)
        try system.makeDirectory(path, mode: mode)
        setName(path, Inode(isDirectory: true, durable: []))
    }

    func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileError) {
        if cut { throw powerCut() }
        try system.setMode(descriptor, mode)
    }

    func rename(_ path: String, to newPath: String) throws(FileError) {
        try spend()
        let inode = known(path)
        _ = known(newPath)
        try system.rename(path, to: newPath)
        setName(newPath, inode)
        setName(path, nil)
    }

    func link(_ path: String, to newPath: String) throws(FileError) {
        try spend()
        let inode = known(path)
        _ = known(newPath)
        try system.link(path, to: newPath)
        setName(newPath, inode)
    }

    func unlink(_ path: String) {
        guard (try? spend()) != nil else { return }
        _ = known(path)
        system.unlink(path)
        setName(path, nil)
    }

    func removeDirectory(_ path: String) {
        guard (try? spend()) != nil else { return }
        _ = known(path)
        system.removeDirectory(path)
        if access(path, F_OK) != 0 { setName(path, nil) }
    }

    func syncDirectory(_ path: String) throws(FileError) {
        try spend()
        let prefix = path.hasSuffix("/") ? path : path + "/"
        for (name, inode) in current where name.hasPrefix(prefix) && !name.dropFirst(prefix.count).contains("/") {
            durableNames[name] = .some(inode)
        }
        for name in durableNames.keys where name.hasPrefix(prefix) && !name.dropFirst(prefix.count).contains("/") {
            if current[name] == nil { durableNames[name] = .some(nil) }
        }
    }

    // MARK: The cut

    /// Puts on disk what could be found after the cut (or after the command, when the power never went: then
    /// only what is durable is sure, and the same choices are made).
    func reboot() {
        cut = true
        // Names first: each keeps its durable target or, when it changed since, at random the newer one.
        var survivors: [String: Inode] = [:]
        for name in Set(current.keys).union(durableNames.keys) {
            let now = current[name]
            let durable = durableNames[name] ?? now
            let kept = now === durable ? now : (random.coin() ? now : durable)
            if let kept { survivors[name] = kept }
        }
        // Data: durable bytes, with the sectors written since reaching the disk or not, each on its own.
        var data: [ObjectIdentifier: [UInt8]] = [:]
        for inode in Set(survivors.values.map(ObjectIdentifier.init)) {
            guard let (name, node) = survivors.first(where: { ObjectIdentifier($0.value) == inode }), !node.isDirectory
            else { continue }
            let written = descriptorsClosedContents(name, node)
            data[inode] = torn(durable: node.durable, written: written)
        }
        // Remove every name that does not survive, deepest first, then write the survivors' data.
        for name in Set(current.keys).union(durableNames.keys).sorted(by: { $0.count > $1.count })
        where survivors[name] == nil {
            var status = stat()
            if lstat(name, &status) == 0 {
                if status.st_mode & S_IFMT == S_IFDIR { removeTree(name) } else { Glibc.unlink(name) }
            }
        }
        for (name, node) in survivors.sorted(by: { $0.key.count < $1.key.count }) {
            if node.isDirectory {
                mkdir(name, 0o770)
                continue
            }
            let bytes = data[ObjectIdentifier(node)] ?? node.durable
            let descriptor = Glibc.open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o660)
            guard descriptor >= 0 else { continue }
            _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            Glibc.close(descriptor)
        }
        current = [:]
        durableNames = [:]
    }

    /// What the file holds now in the page cache (read through any of its names that still exist).
    private func descriptorsClosedContents(_ name: String, _ node: Inode) -> [UInt8] {
        for (path, inode) in current where inode === node && access(path, F_OK) == 0 {
            return Self.contents(path)
        }
        return node.durable
    }

    /// `durable` with the 512-byte sectors where `written` differs each taken from either, and a length between
    /// the two at a sector boundary; sectors past the durable end that did not reach the disk read as zeros.
    private func torn(durable: [UInt8], written: [UInt8]) -> [UInt8] {
        if durable == written { return durable }
        let sector = 512
        let longest = max(durable.count, written.count)
        var lengths = [durable.count, written.count]
        var boundary = (min(durable.count, written.count) / sector + 1) * sector
        while boundary < longest {
            lengths.append(boundary)
            boundary += sector
        }
        let length = lengths[random.below(lengths.count)]
        var result = [UInt8](repeating: 0, count: length)
        var start = 0
        while start < length {
            let end = min(start + sector, length)
            let reached = random.coin()
            for index in start..<end {
                if reached, index < written.count {
                    result[index] = written[index]
                } else if index < durable.count {
                    result[index] = durable[index]
                }
            }
            start = end
        }
        return result
    }

    private func removeTree(_ path: String) {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = path + "/" + name
                var status = stat()
                if lstat(child, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { removeTree(child) } else { Glibc.unlink(child) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
