import Hashing
import Testing

/// XXH64 against the reference implementation: every expected value was computed with xxHash 0.8 (through the
/// python-xxhash binding) before being written down; the first three also appear in the xxHash test suites.
struct XXH64Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let message: String
        let seed: UInt64
        let hash: UInt64
        var testDescription: String { "\"\(message.prefix(20))\" (\(message.utf8.count) bytes) seed \(seed)" }
    }

    static let seed: UInt64 = 0x9E37_79B1_85EB_CA8D
    static let digits = String(repeating: "1234567890", count: 8)
    static let alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

    // Lengths 0, 1, 3 (bytes only), 14 (an 8-byte word, a 4-byte word, two bytes), 26, 62 and 80 (32-byte
    // stripes and every tail): each branch of the algorithm.
    static let vectors: [Vector] = [
        Vector(message: "", seed: 0, hash: 0xEF46_DB37_51D8_E999),
        Vector(message: "a", seed: 0, hash: 0xD24E_C4F1_A98C_6E5B),
        Vector(message: "abc", seed: 0, hash: 0x44BC_2CF5_AD77_0999),
        Vector(message: "message digest", seed: 0, hash: 0x066E_D728_FCEE_B3BE),
        Vector(message: "abcdefghijklmnopqrstuvwxyz", seed: 0, hash: 0xCFE1_F278_FA89_835C),
        Vector(message: alphanumerics, seed: 0, hash: 0xAAA4_6907_D304_7814),
        Vector(message: digits, seed: 0, hash: 0xE04A_477F_19EE_145D),
        Vector(message: "", seed: seed, hash: 0x0B30_3D92_0EC3_49DF),
        Vector(message: "a", seed: seed, hash: 0x1BA2_97D7_7EEA_E48A),
        Vector(message: "abc", seed: seed, hash: 0x7E49_C9D7_E85A_4AB6),
        Vector(message: "message digest", seed: seed, hash: 0xC17C_DFA1_07EC_F583),
        Vector(message: "abcdefghijklmnopqrstuvwxyz", seed: seed, hash: 0x40D0_02E4_A0E4_1746),
        Vector(message: alphanumerics, seed: seed, hash: 0xE0D7_F085_9B1D_440A),
        Vector(message: digits, seed: seed, hash: 0x806D_63B9_DFC5_BC09),
    ]

    @Test(arguments: vectors)
    func matchesTheReferenceImplementation(_ vector: Vector) {
        #expect(XXH64.hash(Array(vector.message.utf8), seed: vector.seed) == vector.hash)
    }

    @Test func hashesALongInputAndASliceOfIt() {
        // Bytes (31 i + 7) mod 256 for i in 0..<1000, and the same bytes inside a larger buffer.
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(XXH64.hash(bytes) == 0x9959_4F48_2804_3D35)
        let padded = [0xFF, 0xFE] + bytes + [0xFD]
        #expect(XXH64.hash(padded[2..<1002]) == 0x9959_4F48_2804_3D35)
    }

    @Test func theIncrementalHasherGivesTheSameHashWhereverTheInputIsSplit() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for split in [0, 1, 7, 31, 32, 33, 64, 500, 999, 1000] {
            for second in [split, min(1000, split + 3), min(1000, split + 40)] {
                var hasher = XXH64.Hasher()
                hasher.update(bytes[0..<split])
                hasher.update(bytes[split..<second])
                // Finalizing midway leaves the hasher able to go on.
                #expect(hasher.finalize() == XXH64.hash(bytes[0..<second]))
                hasher.update(bytes[second...])
                #expect(hasher.finalize() == 0x9959_4F48_2804_3D35, "split at \(split), \(second)")
            }
        }
        var seeded = XXH64.Hasher(seed: Self.seed)
        for byte in Self.digits.utf8 { seeded.update([byte]) }
        #expect(seeded.finalize() == 0x806D_63B9_DFC5_BC09)
    }

    @Test func everySingleByteChangeChangesTheHash() {
        let bytes = Array(Self.digits.utf8)
        let original = XXH64.hash(bytes)
        for index in bytes.indices {
            for delta: UInt8 in [1, 0x80] {
                var changed = bytes
                changed[index] &+= delta
                #expect(XXH64.hash(changed) != original, "byte \(index) + \(delta)")
            }
        }
    }

    @Test func hexIsSixteenDigits() {
        #expect(XXH64.hex(0x0B30_3D92_0EC3_49DF) == "0b303d920ec349df")
        #expect(XXH64.hex(0) == "0000000000000000")
    }
}
