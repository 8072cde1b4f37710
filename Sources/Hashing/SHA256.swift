// SHA-256 as specified in NIST FIPS 180-4, written in plain Swift with no Foundation dependency.

/// An incremental SHA-256 hasher, as specified in NIST FIPS 180-4.
///
/// Feed the message in any number of `update` calls, split at any point, then call `finalize()` once to
/// obtain the ``SHA256Digest``. For a message that is already in memory, the static `hash(_:)` functions do
/// all three steps at once.
///
/// The hasher is a value type without heap storage: copying it snapshots the state, so a copy can be
/// finalized to get the digest of a prefix while the original keeps absorbing bytes. A hasher must not be
/// used after `finalize()` has been called on it; doing so stops the program with a precondition failure.
public struct SHA256: Sendable {
    /// The size of one SHA-256 message block, in bytes.
    ///
    /// The compression function consumes the message in blocks of this size; shorter input is buffered.
    public static let blockByteCount = 64

    /// The size of a SHA-256 digest, in bytes.
    ///
    /// Every ``SHA256Digest`` holds exactly this many bytes (256 bits).
    public static let digestByteCount = 32

    /// The eight 32-bit working words of the hash value H(i).
    private var state = HashState.initial

    /// Input bytes that do not yet fill a whole block; only the first `pendingByteCount` bytes are meaningful.
    private var pendingBlock = ByteBlock()

    /// How many bytes of `pendingBlock` hold message data, always below `blockByteCount`.
    private var pendingByteCount = 0

    /// The number of message bytes absorbed so far; the padding encodes it as a bit count modulo 2^64.
    private var messageByteCount: UInt64 = 0

    /// Whether `finalize()` has already consumed this hasher.
    private var isFinalized = false

    /// Creates a hasher that has absorbed no input yet.
    ///
    /// The hasher starts from the initial hash value H(0) defined in FIPS 180-4, section 5.3.3.
    public init() {}

    /// Absorbs the bytes of any sequence into the hash.
    ///
    /// Sequences with contiguous storage (arrays, array slices, `UnsafeBufferPointer`, native strings' UTF-8
    /// views) are hashed directly from their memory. Other sequences are copied 64 bytes at a time into a
    /// stack buffer, so no heap allocation happens per byte either way. The function is `@inlinable` so that
    /// the byte-copying loop is specialized for the caller's concrete sequence type.
    ///
    /// - Precondition: `finalize()` has not been called on this hasher.
    @inlinable
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let handledContiguously: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if handledContiguously != nil {
            return
        }
        var iterator = bytes.makeIterator()
        var chunk: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var isExhausted = false
        while !isExhausted {
            let filledCount = withUnsafeMutableBytes(of: &chunk) { chunkBytes in
                var count = 0
                while count < chunkBytes.count, let byte = iterator.next() {
                    chunkBytes[count] = byte
                    count += 1
                }
                return count
            }
            isExhausted = filledCount < MemoryLayout.size(ofValue: chunk)
            withUnsafeBytes(of: chunk) { chunkBytes in
                update(UnsafeRawBufferPointer(rebasing: chunkBytes[..<filledCount]))
            }
        }
    }

    /// Absorbs the bytes of an array into the hash.
    ///
    /// This overload exists so that the most common argument type takes the direct memory path without
    /// going through the generic `Sequence` entry point.
    ///
    /// - Precondition: `finalize()` has not been called on this hasher.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            update(buffer)
        }
    }

    /// Absorbs the bytes in a raw memory region into the hash.
    ///
    /// This is the fastest entry point: whole 64-byte blocks are compressed straight from `bytes`, and only
    /// a partial block at either end is copied into the hasher's internal buffer.
    ///
    /// - Precondition: `finalize()` has not been called on this hasher.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(!isFinalized, "SHA256.update(_:) called after finalize(); create a new SHA256 instead")
        guard !bytes.isEmpty else {
            return
        }
        messageByteCount &+= UInt64(bytes.count)
        var consumed = 0

        if pendingByteCount > 0 {
            let takenCount = min(SHA256.blockByteCount - pendingByteCount, bytes.count)
            let destinationStart = pendingByteCount
            withUnsafeMutableBytes(of: &pendingBlock.storage) { blockBytes in
                UnsafeMutableRawBufferPointer(rebasing: blockBytes[destinationStart..<(destinationStart + takenCount)])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[..<takenCount]))
            }
            pendingByteCount += takenCount
            consumed = takenCount
            guard pendingByteCount == SHA256.blockByteCount else {
                return
            }
            withUnsafeBytes(of: pendingBlock.storage) { blockBytes in
                SHA256.compress(blocks: blockBytes, into: &state)
            }
            pendingByteCount = 0
        }

        let wholeBlockByteCount = (bytes.count - consumed) & ~(SHA256.blockByteCount - 1)
        if wholeBlockByteCount > 0 {
            let wholeBlocks = UnsafeRawBufferPointer(rebasing: bytes[consumed..<(consumed + wholeBlockByteCount)])
            SHA256.compress(blocks: wholeBlocks, into: &state)
            consumed += wholeBlockByteCount
        }

        let tailCount = bytes.count - consumed
        if tailCount > 0 {
            withUnsafeMutableBytes(of: &pendingBlock.storage) { blockBytes in
                UnsafeMutableRawBufferPointer(rebasing: blockBytes[..<tailCount])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[consumed...]))
            }
            pendingByteCount = tailCount
        }
    }

    /// Pads the message, processes the final block or blocks, and returns the digest.
    ///
    /// Padding follows FIPS 180-4, section 5.1.1: a single `1` bit, zero bits up to 56 bytes into a block,
    /// then the message length in bits as a 64-bit big-endian integer. When fewer than 9 bytes remain in the
    /// current block the padding spills into a second block.
    ///
    /// This consumes the hasher: calling `update` or `finalize()` on it afterwards is a programming error and
    /// stops the program with a precondition failure. Copy the hasher first to hash a prefix and continue.
    public mutating func finalize() -> SHA256Digest {
        precondition(!isFinalized, "SHA256.finalize() called twice; create a new SHA256 instead")
        isFinalized = true

        let messageBitCount = messageByteCount &* 8
        let lengthFieldByteCount = 8
        let paddedByteCount = pendingByteCount + 1 + lengthFieldByteCount <= SHA256.blockByteCount
            ? SHA256.blockByteCount
            : 2 * SHA256.blockByteCount
        var padded = (ByteBlock(), ByteBlock())
        let pendingCount = pendingByteCount
        withUnsafeMutableBytes(of: &padded) { paddedBytes in
            withUnsafeBytes(of: pendingBlock.storage) { pendingBytes in
                UnsafeMutableRawBufferPointer(rebasing: paddedBytes[..<pendingCount])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: pendingBytes[..<pendingCount]))
            }
            paddedBytes[pendingCount] = 0x80
            paddedBytes.storeBytes(
                of: messageBitCount.bigEndian,
                toByteOffset: paddedByteCount - lengthFieldByteCount,
                as: UInt64.self
            )
            SHA256.compress(blocks: UnsafeRawBufferPointer(rebasing: paddedBytes[..<paddedByteCount]), into: &state)
        }
        pendingByteCount = 0

        let finalState = state
        let digestBytes = [UInt8](unsafeUninitializedCapacity: SHA256.digestByteCount) { buffer, initializedCount in
            let digest = UnsafeMutableRawBufferPointer(buffer)
            digest.storeBytes(of: finalState.h0.bigEndian, toByteOffset: 0, as: UInt32.self)
            digest.storeBytes(of: finalState.h1.bigEndian, toByteOffset: 4, as: UInt32.self)
            digest.storeBytes(of: finalState.h2.bigEndian, toByteOffset: 8, as: UInt32.self)
            digest.storeBytes(of: finalState.h3.bigEndian, toByteOffset: 12, as: UInt32.self)
            digest.storeBytes(of: finalState.h4.bigEndian, toByteOffset: 16, as: UInt32.self)
            digest.storeBytes(of: finalState.h5.bigEndian, toByteOffset: 20, as: UInt32.self)
            digest.storeBytes(of: finalState.h6.bigEndian, toByteOffset: 24, as: UInt32.self)
            digest.storeBytes(of: finalState.h7.bigEndian, toByteOffset: 28, as: UInt32.self)
            initializedCount = SHA256.digestByteCount
        }
        return SHA256Digest(validatedBytes: digestBytes)
    }

    /// Returns the SHA-256 digest of a complete byte sequence.
    ///
    /// Equivalent to creating a hasher, calling `update(_:)` once with `bytes`, and calling `finalize()`.
    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> SHA256Digest where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Returns the SHA-256 digest of a string's UTF-8 encoding.
    ///
    /// The string is hashed exactly as its UTF-8 bytes, without a terminating NUL and without any Unicode
    /// normalization, so canonically equivalent strings with different scalars hash differently.
    public static func hash(_ text: String) -> SHA256Digest {
        hash(text.utf8)
    }
}

// MARK: - Compression function

extension SHA256 {
    /// The round constants K(0)...K(63): the first 32 bits of the fractional parts of the cube roots of the
    /// first 64 primes (FIPS 180-4, section 4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Runs the compression function over every whole 64-byte block in `blocks`, updating `state` in place.
    ///
    /// `blocks.count` must be a multiple of 64. The message schedule W(0)...W(63) lives in a stack buffer
    /// that is reused for every block, and all arithmetic is modulo 2^32 via the wrapping operators.
    private static func compress(blocks: UnsafeRawBufferPointer, into state: inout HashState) {
        assert(blocks.count % blockByteCount == 0, "compress(blocks:into:) needs whole blocks")
        let blockCount = blocks.count / blockByteCount
        guard blockCount > 0, let blocksStart = blocks.baseAddress else {
            return
        }
        roundConstants.withUnsafeBufferPointer { constants in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                var h0 = state.h0, h1 = state.h1, h2 = state.h2, h3 = state.h3
                var h4 = state.h4, h5 = state.h5, h6 = state.h6, h7 = state.h7
                for blockIndex in 0..<blockCount {
                    let block = blocksStart + blockIndex * blockByteCount
                    for t in 0..<16 {
                        schedule[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        schedule[t] = smallSigma1(schedule[t - 2]) &+ schedule[t - 7]
                            &+ smallSigma0(schedule[t - 15]) &+ schedule[t - 16]
                    }

                    // Eight rounds per iteration; instead of shifting a...h down by one variable every round,
                    // each round takes them in rotated roles, so only `d` and `h` of that round are written.
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    for t in stride(from: 0, to: 64, by: 8) {
                        round(a, b, c, &d, e, f, g, &h, constants[t] &+ schedule[t])
                        round(h, a, b, &c, d, e, f, &g, constants[t + 1] &+ schedule[t + 1])
                        round(g, h, a, &b, c, d, e, &f, constants[t + 2] &+ schedule[t + 2])
                        round(f, g, h, &a, b, c, d, &e, constants[t + 3] &+ schedule[t + 3])
                        round(e, f, g, &h, a, b, c, &d, constants[t + 4] &+ schedule[t + 4])
                        round(d, e, f, &g, h, a, b, &c, constants[t + 5] &+ schedule[t + 5])
                        round(c, d, e, &f, g, h, a, &b, constants[t + 6] &+ schedule[t + 6])
                        round(b, c, d, &e, f, g, h, &a, constants[t + 7] &+ schedule[t + 7])
                    }
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= h
                }
                state = HashState(h0: h0, h1: h1, h2: h2, h3: h3, h4: h4, h5: h5, h6: h6, h7: h7)
            }
        }
    }

    /// One SHA-256 round (FIPS 180-4, section 6.2.2, step 3) with the working variables passed in their
    /// current roles.
    ///
    /// The caller rotates the roles between rounds: the value written to `h` becomes the next round's `a`, and
    /// the value written to `d` becomes the next round's `e`. `constantPlusWord` is K(t) + W(t).
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ constantPlusWord: UInt32
    ) {
        let temp1 = h &+ bigSigma1(e) &+ choose(e, f, g) &+ constantPlusWord
        d &+= temp1
        h = temp1 &+ bigSigma0(a) &+ majority(a, b, c)
    }

    /// Rotates `word` right by `count` bits (ROTR in FIPS 180-4); `count` must be in 1...31.
    @inline(__always)
    private static func rotateRight(_ word: UInt32, by count: UInt32) -> UInt32 {
        (word &>> count) | (word &<< (32 &- count))
    }

    /// Ch(x, y, z): for each bit, picks `y` where `x` is set and `z` where it is clear.
    ///
    /// Computed as `z ^ (x & (y ^ z))`, which equals the specification's `(x & y) ^ (~x & z)` bit for bit.
    @inline(__always)
    private static func choose(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 {
        z ^ (x & (y ^ z))
    }

    /// Maj(x, y, z): for each bit, the value held by at least two of the three inputs.
    ///
    /// Computed as `(x & y) ^ (z & (x ^ y))`, which equals the specification's `(x & y) ^ (x & z) ^ (y & z)`.
    @inline(__always)
    private static func majority(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 {
        (x & y) ^ (z & (x ^ y))
    }

    /// Σ0 (capital sigma zero), applied to the working variable `a` in each round.
    @inline(__always)
    private static func bigSigma0(_ x: UInt32) -> UInt32 {
        rotateRight(x, by: 2) ^ rotateRight(x, by: 13) ^ rotateRight(x, by: 22)
    }

    /// Σ1 (capital sigma one), applied to the working variable `e` in each round.
    @inline(__always)
    private static func bigSigma1(_ x: UInt32) -> UInt32 {
        rotateRight(x, by: 6) ^ rotateRight(x, by: 11) ^ rotateRight(x, by: 25)
    }

    /// σ0 (small sigma zero), used by the message schedule.
    @inline(__always)
    private static func smallSigma0(_ x: UInt32) -> UInt32 {
        rotateRight(x, by: 7) ^ rotateRight(x, by: 18) ^ (x &>> 3)
    }

    /// σ1 (small sigma one), used by the message schedule.
    @inline(__always)
    private static func smallSigma1(_ x: UInt32) -> UInt32 {
        rotateRight(x, by: 17) ^ rotateRight(x, by: 19) ^ (x &>> 10)
    }
}

// MARK: - Internal storage

/// The eight 32-bit words of an intermediate or final SHA-256 hash value.
private struct HashState: Sendable {
    var h0: UInt32
    var h1: UInt32
    var h2: UInt32
    var h3: UInt32
    var h4: UInt32
    var h5: UInt32
    var h6: UInt32
    var h7: UInt32

    /// H(0): the first 32 bits of the fractional parts of the square roots of the first eight primes
    /// (FIPS 180-4, section 5.3.3).
    static let initial = HashState(
        h0: 0x6a09_e667, h1: 0xbb67_ae85, h2: 0x3c6e_f372, h3: 0xa54f_f53a,
        h4: 0x510e_527f, h5: 0x9b05_688c, h6: 0x1f83_d9ab, h7: 0x5be0_cd19
    )
}

/// Exactly 64 bytes of inline storage, so that a partial block never needs a heap allocation.
private struct ByteBlock: Sendable {
    var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
}

// MARK: - Digest

/// A 256-bit SHA-256 digest.
///
/// Digests compare and hash by their bytes, so they can be used directly as dictionary keys or set members.
/// The textual form, used by `description` and ``hex``, is 64 lowercase hexadecimal digits, the same format
/// `sha256sum` prints; ``init(hex:)`` parses it back.
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    /// The 32 digest bytes, in the order FIPS 180-4 defines (H0's most significant byte first).
    ///
    /// The array always has exactly ``SHA256/digestByteCount`` elements.
    public let bytes: [UInt8]

    /// Wraps bytes that are already known to be a 32-byte digest.
    init(validatedBytes: [UInt8]) {
        assert(validatedBytes.count == SHA256.digestByteCount, "a SHA-256 digest has 32 bytes")
        self.bytes = validatedBytes
    }

    /// Parses a digest from its hexadecimal text form.
    ///
    /// The text must consist of exactly 64 hexadecimal digits, in upper, lower or mixed case, with no prefix
    /// (such as `0x`), separators or surrounding whitespace. Any other input yields `nil`.
    public init?(hex: String) {
        let digits = hex.utf8
        guard digits.count == 2 * SHA256.digestByteCount else {
            return nil
        }
        var parsed: [UInt8] = []
        parsed.reserveCapacity(SHA256.digestByteCount)
        var highNibble: UInt8?
        for digit in digits {
            guard let nibble = SHA256Digest.nibbleValue(ofHexDigit: digit) else {
                return nil
            }
            if let high = highNibble {
                parsed.append(high << 4 | nibble)
                highNibble = nil
            } else {
                highNibble = nibble
            }
        }
        self.bytes = parsed
    }

    /// The digest as 64 lowercase hexadecimal digits.
    ///
    /// This is the conventional text form, identical to the output of `sha256sum` and Python's `hexdigest()`.
    public var hex: String {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            ascii.append(SHA256Digest.lowercaseHexDigit(ofNibble: byte &>> 4))
            ascii.append(SHA256Digest.lowercaseHexDigit(ofNibble: byte & 0x0f))
        }
        return String(decoding: ascii, as: UTF8.self)
    }

    /// The digest as 64 lowercase hexadecimal digits, the same as ``hex``.
    ///
    /// This makes string interpolation and `print` show the familiar `sha256sum` form.
    public var description: String {
        hex
    }

    /// Returns the value of one ASCII hexadecimal digit, or `nil` if `digit` is not one.
    private static func nibbleValue(ofHexDigit digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"):
            return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"):
            return digit - UInt8(ascii: "A") + 10
        default:
            return nil
        }
    }

    /// Returns the lowercase ASCII hexadecimal digit for a value in 0...15.
    private static func lowercaseHexDigit(ofNibble nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
