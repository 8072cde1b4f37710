import Testing
@testable import JSONText

struct JSONFuzzTests {
    /// Parses arbitrary bytes and checks the invariants that must hold whatever the input.
    private func checkInvariants(_ bytes: [UInt8]) {
        do {
            let value = try JSONValue.parse(bytes)
            // Anything accepted must re-serialise to text that parses back to the same value.
            let reparsed = try JSONValue.parse(value.utf8Bytes)
            #expect(reparsed.isIdentical(to: value))
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count)
            #expect(!error.message.isEmpty)
            #expect(error.message == error.message.lowercased() || error.message.contains("'"))
        }
    }

    @Test func randomByteStringsNeverCrash() {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<400 {
            let count = Int.random(in: 0...64, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            checkInvariants(bytes)
        }
    }

    @Test func randomJSONAlphabetStringsNeverCrash() {
        let alphabet = Array(#"{}[],:"\ 0123456789-+.eEtrufalsn/*u"#.utf8) + [0x00, 0x0A, 0xC3, 0xA9, 0xED, 0xF0]
        var generator = SeededGenerator(seed: 2)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...48, using: &generator)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            checkInvariants(bytes)
        }
    }

    @Test func mutatedValidDocumentsNeverCrash() {
        var maker = RandomValueMaker(generator: SeededGenerator(seed: 3))
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<400 {
            var bytes = maker.value().utf8Bytes
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0:
                    bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1:
                    bytes.remove(at: index)
                default:
                    bytes.insert(bytes[index], at: index)
                }
            }
            checkInvariants(bytes)
        }
    }

    @Test func everyPrefixOfAValidDocumentFailsCleanly() {
        let document = Array(#"{"a":[1,-2.5e-3,"x\u00e9\ud83d\ude00",true,false,null,{}],"b":"中"}"#.utf8)
        for length in 0..<document.count {
            let prefix = Array(document[..<length])
            #expect(throws: JSONParseError.self) {
                try JSONValue.parse(prefix)
            }
            checkInvariants(prefix)
        }
    }
}
