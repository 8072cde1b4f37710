// XXH64 as specified in the xxHash specification (doc/xxhash_spec.md of the reference implementation),
// written in plain Swift with no Foundation dependency.

/// XXH64, a fast non-cryptographic 64-bit hash.
///
/// Used where bytes must be recognised as unchanged at memory speed (a journal's prefix against its
/// checkpoint), never where a forger must be stopped: SHA-256 does that. Every step mixes the input into the
/// state bijectively, so changing any single byte always changes the hash.
public enum XXH64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The hash of `bytes` with `seed`.
    public static func hash(_ bytes: some Collection<UInt8>, seed: UInt64 = 0) -> UInt64 {
        if let hash = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0), seed: seed) }) {
            return hash
        }
        return Array(bytes).withUnsafeBytes { hash($0, seed: seed) }
    }

    /// The hash of the bytes in `buffer` with `seed`.
    public static func hash(_ buffer: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var hasher = Hasher(seed: seed)
        hasher.update(buffer)
        return hasher.finalize()
    }

    /// An incremental XXH64: feed the bytes in any number of `update` calls, split anywhere, then `finalize`
    /// (which leaves the hasher as it was, so that it can go on and hash a longer input).
    public struct Hasher: Sendable {
        private var lanes: (UInt64, UInt64, UInt64, UInt64)
        /// Bytes not yet making a whole 32-byte stripe.
        private var pending: [UInt8] = []
        private var total = 0
        private let seed: UInt64

        /// A hasher with `seed`.
        public init(seed: UInt64 = 0) {
            self.seed = seed
            lanes = (seed &+ prime1 &+ prime2, seed &+ prime2, seed, seed &- prime1)
            pending.reserveCapacity(32)
        }

        /// Adds `bytes`.
        public mutating func update(_ bytes: some Collection<UInt8>) {
            if bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) == nil {
                Array(bytes).withUnsafeBytes { update($0) }
            }
        }

        /// Adds the bytes in `buffer`.
        public mutating func update(_ buffer: UnsafeRawBufferPointer) {
            total += buffer.count
            var offset = 0
            if !pending.isEmpty {
                let taken = min(32 - pending.count, buffer.count)
                pending += buffer[0..<taken]
                offset = taken
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { stripe(in: $0, at: 0) }
                pending.removeAll(keepingCapacity: true)
            }
            // The lanes in locals, so that the loop keeps them in registers.
            var (lane0, lane1, lane2, lane3) = lanes
            while offset + 32 <= buffer.count {
                lane0 = round(lane0, word64(buffer, offset))
                lane1 = round(lane1, word64(buffer, offset + 8))
                lane2 = round(lane2, word64(buffer, offset + 16))
                lane3 = round(lane3, word64(buffer, offset + 24))
                offset += 32
            }
            lanes = (lane0, lane1, lane2, lane3)
            pending += buffer[offset...]
        }

        private mutating func stripe(in buffer: UnsafeRawBufferPointer, at offset: Int) {
            lanes.0 = round(lanes.0, word64(buffer, offset))
            lanes.1 = round(lanes.1, word64(buffer, offset + 8))
            lanes.2 = round(lanes.2, word64(buffer, offset + 16))
            lanes.3 = round(lanes.3, word64(buffer, offset + 24))
        }

        /// The hash of everything added so far.
        public func finalize() -> UInt64 {
            var hash: UInt64
            if total >= 32 {
                hash = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
                for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
                    hash ^= round(0, lane)
                    hash = hash &* prime1 &+ prime4
                }
            } else {
                hash = seed &+ prime5
            }
            hash &+= UInt64(truncatingIfNeeded: total)
            pending.withUnsafeBytes { tail in
                var offset = 0
                while offset + 8 <= tail.count {
                    hash ^= round(0, word64(tail, offset))
                    hash = rotate(hash, 27) &* prime1 &+ prime4
                    offset += 8
                }
                if offset + 4 <= tail.count {
                    hash ^= UInt64(UInt32(littleEndian: tail.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                        &* prime1
                    hash = rotate(hash, 23) &* prime2 &+ prime3
                    offset += 4
                }
                while offset < tail.count {
                    hash ^= UInt64(tail[offset]) &* prime5
                    hash = rotate(hash, 11) &* prime1
                    offset += 1
                }
            }
            hash ^= hash >> 33
            hash &*= prime2
            hash ^= hash >> 29
            hash &*= prime3
            hash ^= hash >> 32
            return hash
        }
    }

    @inline(__always)
    private static func word64(_ buffer: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The hash as 16 lowercase hex digits.
    public static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
