import Hashing
import Testing

/// Known-answer data for the SHA-256 tests.
///
/// Every expected digest here was checked against Python's hashlib.sha256 (and the NIST ones also against
/// coreutils sha256sum) before being written down.
enum SHA256Vectors {
    /// A NIST message given as text, with its expected digest.
    struct TextVector: Sendable, CustomTestStringConvertible {
        let name: String
        let message: String
        let digest: String

        var testDescription: String { name }
    }

    /// A NIST CAVP "ShortMsg" vector: the message as hex bytes, with its expected digest.
    struct ByteVector: Sendable, CustomTestStringConvertible {
        let messageHex: String
        let digest: String

        var testDescription: String { "Len=\(messageHex.count * 4) Msg=\(messageHex)" }
    }

    /// The digest of the first `length` bytes of the sequence 0, 1, 2, ... (see `countingBytes(_:)`).
    struct KnownAnswer: Sendable, CustomTestStringConvertible {
        let length: Int
        let digest: String

        var testDescription: String { "\(length) bytes" }
    }

    /// Returns `length` bytes counting up from zero and wrapping at 256: 0x00, 0x01, 0x02, ...
    static func countingBytes(_ length: Int) -> [UInt8] {
        (0..<length).map { UInt8(truncatingIfNeeded: $0) }
    }

    /// The 200-byte message used by the incremental tests: byte i is (7 * i + 3) mod 251.
    static let incrementalMessage: [UInt8] = (0..<200).map { UInt8((7 * $0 + 3) % 251) }
    static let incrementalMessageDigest = "58571ac1c94ce02ff78ca2556530759ff4b9d60ba9d41bee6bb65d0edea9f1c6"

    /// Decodes an even-length string of hex digits; test-only, so malformed input is a test bug and traps.
    static func bytes(fromHex hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        precondition(digits.count.isMultiple(of: 2), "odd number of hex digits in \(hex)")
        return stride(from: 0, to: digits.count, by: 2).map { index in
            guard let byte = UInt8(String(decoding: digits[index..<(index + 2)], as: UTF8.self), radix: 16) else {
                preconditionFailure("not hex: \(hex)")
            }
            return byte
        }
    }

    static let nistTextVectors: [TextVector] = [
        TextVector(
            name: "empty",
            message: "",
            digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        ),
        TextVector(
            name: "abc",
            message: "abc",
            digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        ),
        TextVector(
            name: "448 bits",
            message: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        TextVector(
            name: "896 bits",
            message: "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ]

    /// The first ten byte-oriented vectors of NIST CAVP SHA256ShortMsg.rsp (Len=8 through Len=80).
    static let cavpShortMessages: [ByteVector] = [
        ByteVector(
            messageHex: "d3",
            digest: "28969cdfa74a12c82f3bad960b0b000aca2ac329deea5c2328ebc6f2ba9802c1"
        ),
        ByteVector(
            messageHex: "11af",
            digest: "5ca7133fa735326081558ac312c620eeca9970d1e70a4b95533d956f072d1f98"
        ),
        ByteVector(
            messageHex: "b4190e",
            digest: "dff2e73091f6c05e528896c4c831b9448653dc2ff043528f6769437bc7b975c2"
        ),
        ByteVector(
            messageHex: "74ba2521",
            digest: "b16aa56be3880d18cd41e68384cf1ec8c17680c45a02b1575dc1518923ae8b0e"
        ),
        ByteVector(
            messageHex: "c299209682",
            digest: "f0887fe961c9cd3beab957e8222494abb969b1ce4c6557976df8b0f6d20e9166"
        ),
        ByteVector(
            messageHex: "e1dc724d5621",
            digest: "eca0a060b489636225b4fa64d267dabbe44273067ac679f20820bddc6b6a90ac"
        ),
        ByteVector(
            messageHex: "06e076f5a442d5",
            digest: "3fd877e27450e6bbd5d74bb82f9870c64c66e109418baa8e6bbcff355e287926"
        ),
        ByteVector(
            messageHex: "5738c929c4f4ccb6",
            digest: "963bb88f27f512777aab6c8b1a02c70ec0ad651d428f870036e1917120fb48bf"
        ),
        ByteVector(
            messageHex: "3334c58075d3f4139e",
            digest: "078da3d77ed43bd3037a433fd0341855023793f9afd08b4b08ea1e5597ceef20"
        ),
        ByteVector(
            messageHex: "74cb9381d89f5aa73368",
            digest: "73d6fad1caaa75b43b21733561fd3958bdc555194a037c2addec19dc2d7a52bd"
        ),
    ]

    /// Digests of `countingBytes(length)` for every length 0...130, covering the padding edge cases in the first
    /// and second block: 55 bytes (padding just fits), 56...63 (padding spills into a new block), 64 (exactly one
    /// block), and the same again at 119, 120...127 and 128.
    static let boundaryKnownAnswers: [KnownAnswer] = [
        KnownAnswer(length: 0, digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        KnownAnswer(length: 1, digest: "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
        KnownAnswer(length: 2, digest: "b413f47d13ee2fe6c845b2ee141af81de858df4ec549a58b7970bb96645bc8d2"),
        KnownAnswer(length: 3, digest: "ae4b3280e56e2faf83f414a6e3dabe9d5fbe18976544c05fed121accb85b53fc"),
        KnownAnswer(length: 4, digest: "054edec1d0211f624fed0cbca9d4f9400b0e491c43742af2c5b0abebf0c990d8"),
        KnownAnswer(length: 5, digest: "08bb5e5d6eaac1049ede0893d30ed022b1a4d9b5b48db414871f51c9cb35283d"),
        KnownAnswer(length: 6, digest: "17e88db187afd62c16e5debf3e6527cd006bc012bc90b51a810cd80c2d511f43"),
        KnownAnswer(length: 7, digest: "57355ac3303c148f11aef7cb179456b9232cde33a818dfda2c2fcb9325749a6b"),
        KnownAnswer(length: 8, digest: "8a851ff82ee7048ad09ec3847f1ddf44944104d2cbd17ef4e3db22c6785a0d45"),
        KnownAnswer(length: 9, digest: "f8348e0b1df00833cbbbd08f07abdecc10c0efb78829d7828c62a7f36d0cc549"),
        KnownAnswer(length: 10, digest: "1f825aa2f0020ef7cf91dfa30da4668d791c5d4824fc8e41354b89ec05795ab3"),
        KnownAnswer(length: 11, digest: "78a6273103d17c39a0b6126e226cec70e33337f4bc6a38067401b54a33e78ead"),
        KnownAnswer(length: 12, digest: "fff3a9bcdd37363d703c1c4f9512533686157868f0d4f16a0f02d0f1da24f9a2"),
        KnownAnswer(length: 13, digest: "86eba947d50c2c01570fe1bb5ca552958dabbdbb59b0657f0f26e21ff011e5c7"),
        KnownAnswer(length: 14, digest: "ab107f1bd632d3c3f5c724a99d024f7faa033f33c07696384b604bfe78ac352d"),
        KnownAnswer(length: 15, digest: "7071fc3188fde7e7e500d4768f1784bede1a22e991648dcab9dc3219acff1d4c"),
        KnownAnswer(length: 16, digest: "be45cb2605bf36bebde684841a28f0fd43c69850a3dce5fedba69928ee3a8991"),
        KnownAnswer(length: 17, digest: "3e5718fea51a8f3f5baca61c77afab473c1810f8b9db330273b4011ce92c787e"),
        KnownAnswer(length: 18, digest: "7a096cc12702bcfa647ee070d4f3ba4c2d1d715b484b55b825d0edba6545803b"),
        KnownAnswer(length: 19, digest: "5f9a753613d87b8a17302373c4aee56faa310d3b24b6ae1862d673aa22e1790f"),
        KnownAnswer(length: 20, digest: "e7aebf577f60412f0312d442c70a1fa6148c090bf5bab404caec29482ae779e8"),
        KnownAnswer(length: 21, digest: "75aee9dcc9fbe7ddc9394f5bc5d38d9f5ad361f0520f7ceab59616e38f5950b5"),
        KnownAnswer(length: 22, digest: "22cb4df00cddd6067ad5cfa2bba9857f21a06843e1a6e39ad1a68cb9a45ab8b7"),
        KnownAnswer(length: 23, digest: "f6a954a68555187d88cd9a026940d15ab2a7e24c7517d21ceeb028e93c96f318"),
        KnownAnswer(length: 24, digest: "1d64add2a6388367c9bc2d1f1b384b069a6ef382cdaaa89771dd103e28613a25"),
        KnownAnswer(length: 25, digest: "b729ce724d9a48d3884dbfcbee1d3793d922b29fa9d639e7290af4978263772b"),
        KnownAnswer(length: 26, digest: "b858da80d8a57dc546905fd147612ebddd3c9188620405d058f9ee5ab1e6bc52"),
        KnownAnswer(length: 27, digest: "d78750726155a89c9131d0ecf2704b973b8710865bf9e831845de4f2dcbc19da"),
        KnownAnswer(length: 28, digest: "dc27f8e8ee2d08a2bccbb2dbd6c8e07ffba194101fc3458c34ded55f72c0971a"),
        KnownAnswer(length: 29, digest: "d09bea65dff48928a14b79741de3274b646f55ac898b71a66fa3eae2d9facd77"),
        KnownAnswer(length: 30, digest: "f2192584b67da35dfc26f743e5f53bb0376046f899dc6dabd5e7b541ae86c32f"),
        KnownAnswer(length: 31, digest: "4f23c2ca8c5c962e50cd31e221bfb6d0adca19111dca8e0c62598ff146dd19c4"),
        KnownAnswer(length: 32, digest: "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd"),
        KnownAnswer(length: 33, digest: "5d8fcfefa9aeeb711fb8ed1e4b7d5c8a9bafa46e8e76e68aa18adce5a10df6ab"),
        KnownAnswer(length: 34, digest: "14cdbf171499f86bd18b262243d669067efbdbb5431a48289cf02f2b5448b3d4"),
        KnownAnswer(length: 35, digest: "f12dd12340cb84e4d0d9958d62be7c59bb8f7243a7420fd043177ac542a26aaa"),
        KnownAnswer(length: 36, digest: "5d7e2d9b1dcbc85e7c890036a2cf2f9fe7b66554f2df08cec6aa9c0a25c99c21"),
        KnownAnswer(length: 37, digest: "f4d285f47a1e4959a445ea6528e5df3efab041fa15aad94db1e2600b3f395518"),
        KnownAnswer(length: 38, digest: "a2fd0e15d72c9d18f383e40016f9ddc706673c54252084285aaa47a812552577"),
        KnownAnswer(length: 39, digest: "4aba23aea5e2a91b7807cf3026cdd10a1c38533ce55332683d4ccb88456e0703"),
        KnownAnswer(length: 40, digest: "5faa4eec3611556812c2d74b437c8c49add3f910f10063d801441f7d75cd5e3b"),
        KnownAnswer(length: 41, digest: "753629a6117f5a25d338dff10f4dd3d07e63eecc2eaf8eabe773f6399706fe67"),
        KnownAnswer(length: 42, digest: "40a1ed73b46030c8d7e88682078c5ab1ae5a2e524e066e8c8743c484de0e21e5"),
        KnownAnswer(length: 43, digest: "c033843682818c475e187d260d5e2edf0469862dfa3bb0c116f6816a29edbf60"),
        KnownAnswer(length: 44, digest: "17619ec4250ef65f083e2314ef30af796b6f1198d0fddfbb0f272930bf9bb991"),
        KnownAnswer(length: 45, digest: "a8e960c769a9508d098451e3d74dd5a2ac6c861eb0341ae94e9fc273597278c9"),
        KnownAnswer(length: 46, digest: "8ebfeb2e3a159e9f39ad7cc040e6678dade70d4f59a67d529fa76af301ab2946"),
        KnownAnswer(length: 47, digest: "ef8a7781a95c32fa02ebf511eda3dc6e273be59cb0f9e20a4f84d54f41427791"),
        KnownAnswer(length: 48, digest: "4dbdc2b2b62cb00749785bc84202236dbc3777d74660611b8e58812f0cfde6c3"),
        KnownAnswer(length: 49, digest: "7509fe148e2c426ed16c990f22fe8116905c82c561756e723f63223ace0e147e"),
        KnownAnswer(length: 50, digest: "a622e13829e488422ee72a5fc92cb11d25c3d0f185a1384b8138df5074c983bf"),
        KnownAnswer(length: 51, digest: "3309847cee454b4f99dcfe8fdc5511a7ba168ce0b6e5684ef73f9030d009b8b5"),
        KnownAnswer(length: 52, digest: "c4c6540a15fc140a784056fe6d9e13566fb614ecb2d9ac0331e264c386442acd"),
        KnownAnswer(length: 53, digest: "90962cc12ae9cdae32d7c33c4b93194b11fac835942ee41b98770c6141c66795"),
        KnownAnswer(length: 54, digest: "675f28acc0b90a72d1c3a570fe83ac565555db358cf01826dc8eefb2bf7ca0f3"),
        KnownAnswer(length: 55, digest: "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
        KnownAnswer(length: 56, digest: "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
        KnownAnswer(length: 57, digest: "2fe741af801cc238602ac0ec6a7b0c3a8a87c7fc7d7f02a3fe03d1c12eac4d8f"),
        KnownAnswer(length: 58, digest: "e03b18640c635b338a92b82cce4ff072f9f1aba9ac5261ee1340f592f35c0499"),
        KnownAnswer(length: 59, digest: "bd2de8f5dd15c73f68dfd26a614080c2e323b2b51b1b5ed9d7933e535d223bda"),
        KnownAnswer(length: 60, digest: "0ddde28e40838ef6f9853e887f597d6adb5f40eb35d5763c52e1e64d8ba3bfff"),
        KnownAnswer(length: 61, digest: "4b5c2783c91ceccb7c839213bcbb6a902d7fe8c2ec866877a51f433ea17f3e85"),
        KnownAnswer(length: 62, digest: "c89da82cbcd76ddf220e4e9091019b9866ffda72bee30de1effe6c99701a2221"),
        KnownAnswer(length: 63, digest: "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
        KnownAnswer(length: 64, digest: "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
        KnownAnswer(length: 65, digest: "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
        KnownAnswer(length: 66, digest: "b6dfd259f6e0d07deb658a88148f8253f9bbbb74ddd6db3edbe159a56bc35073"),
        KnownAnswer(length: 67, digest: "8fa5913b62847d42bb4b464e00a72c612d2ab0df2af0b9a96af8d323fa509077"),
        KnownAnswer(length: 68, digest: "7ded979c0153ebb9ef28a15a314d0b27b41c4f8eed700b54974b48eb3ecaf91c"),
        KnownAnswer(length: 69, digest: "1cf3aa651dcf35dbfe296e770ad7ebc4e00bcccd0224db296183dc952d0008c9"),
        KnownAnswer(length: 70, digest: "5767d69a906d4860db9079eb7e90ab4a543e5cb032fce846554aef6ceb600e1d"),
        KnownAnswer(length: 71, digest: "8189e3d54767d51e8d1942659a9e2905f9ec3ae72860c16a66e75b8cc9bd2087"),
        KnownAnswer(length: 72, digest: "107de2bc788e11029f7851f8e1b0b5afb4e34379c709fc840689ebd3d1f51b5b"),
        KnownAnswer(length: 73, digest: "169f6f093a9be82febe1a6a4471425697ec25d5040b472c5b1822aeea2625988"),
        KnownAnswer(length: 74, digest: "2087ebd358ae3ea2a092fc19c2dfee57c5f0860296bc7b057c14e1227c5cb9d1"),
        KnownAnswer(length: 75, digest: "182ab56f7739e43cee0b9ba1e92c4b2a81b088705516a5243910159744f21be9"),
        KnownAnswer(length: 76, digest: "081f6c68899a48a1be455a55416104921d2fe4bdae696f4b72f9d9626a47915e"),
        KnownAnswer(length: 77, digest: "5ce02376cc256861b78f87e34783814ba1aec6d09ab500d579ed8ee95c8afcc8"),
        KnownAnswer(length: 78, digest: "b93e407404e3e95f20fd647365e0e7f46afabe9af1ff083af996135e00d54009"),
        KnownAnswer(length: 79, digest: "e81fa832b37be8ed8f79da29987aa4d61310dcb14b2859dedf8fb1daa2541fd3"),
        KnownAnswer(length: 80, digest: "c56705fea5b110b8dc63688533ced21167e628017387c885423b835a55edd5ef"),
        KnownAnswer(length: 81, digest: "c2226285d08a245a17058ed2d24ad095b714f608ae364fddf119e0a7df890540"),
        KnownAnswer(length: 82, digest: "f9c270da8793221a6809ac685fdd4f5387e0fe1ee6aaf01c74f1e0a719621614"),
        KnownAnswer(length: 83, digest: "e69befd6ef7f685c36e343ac1702d87ad6a0e4ac8c0d5c521d04aad4ef0b7458"),
        KnownAnswer(length: 84, digest: "4e3033562ad74a7d43eb5ff5fc2382622c6307cb10e245ad62da77c4c63cb178"),
        KnownAnswer(length: 85, digest: "2ea17629472564a59e5eb845a2cdd04f442df2ff26bcc866e400f77158d612a1"),
        KnownAnswer(length: 86, digest: "b90223df74dd49a8a1461f340f2d7a90f96903ccbb5bc3c74ea3658fc8948b20"),
        KnownAnswer(length: 87, digest: "e0209f42b927ec9c0f6d6a76007ed540e9bdd6e427b3368a1ea6c5e7565972dd"),
        KnownAnswer(length: 88, digest: "10d9bd424114319c0999adf6288f74060cd8918ef1228827a6269b2bf0f0880c"),
        KnownAnswer(length: 89, digest: "7d1978a65ac94dbbcdc62e3d81850299fe157dd9b7bd9e01b170156210d2815a"),
        KnownAnswer(length: 90, digest: "e052dff9e1c94aaa49556f86fad55029a4875839fda57f5005f4c4403876b256"),
        KnownAnswer(length: 91, digest: "58d29459b2130a2e151252d408b95e6dac424c564062eb911cc76440cb926ca0"),
        KnownAnswer(length: 92, digest: "4e4530c392316f598e1bd07f32166380a8f712a33a48e9eb4247131ec5dc05d3"),
        KnownAnswer(length: 93, digest: "a09c9d3e42342c7dea44edb4aeb48cf6727cacd8032a12cf77a25829fc249d32"),
        KnownAnswer(length: 94, digest: "eb978d0f1ac03ce5c3510b5f4a16073a7a2bdc15c4ab7777dcf01030cc316667"),
        KnownAnswer(length: 95, digest: "7d1905a3ace827ea1ac51c4fa08c281ed3be87e7f4e928d696bfde35c8f2dc0f"),
        KnownAnswer(length: 96, digest: "08359b108fa567f5dcf319fa3434da6abbc1d595f426372666447f09cc5a87dc"),
        KnownAnswer(length: 97, digest: "a7b3830ffab0f2bbabbef6df0b169a7917008bf238880bbf8c20b8e000077312"),
        KnownAnswer(length: 98, digest: "b4f5d9b1555994c5ebaebd82918d560a3bf82962a171a1614e7551939e943366"),
        KnownAnswer(length: 99, digest: "014ecaea1b378900f1212898c6ddb01565d81af1d0ef78df5e28d46e9caf7cfc"),
        KnownAnswer(length: 100, digest: "bce0aff19cf5aa6a7469a30d61d04e4376e4bbf6381052ee9e7f33925c954d52"),
        KnownAnswer(length: 101, digest: "4565d7b898ccea3139ad260f9273115f806b30079d7683218c4e3ecd43af3b33"),
        KnownAnswer(length: 102, digest: "ddadeb660fe8902c9fb2db9b6cf237c9ce5b31753398085c4367eb5910b9cc13"),
        KnownAnswer(length: 103, digest: "c15a8928131f6687dd10f3c115ddf8d7c8f2df7e18d12c08c4fd16f666ce60ba"),
        KnownAnswer(length: 104, digest: "ae8e3d799b1353a39815f90eceebefa265cc448fe39faf2008cb20784cb2df9f"),
        KnownAnswer(length: 105, digest: "98545371a3d9981abe5ab4a32a1d7b2fadd9801d89da52a94a4f78a42740d21c"),
        KnownAnswer(length: 106, digest: "6323dce2f8b3a04dcea8d205602348c40403cb200c677eb1a1c0fe37edb6eb2f"),
        KnownAnswer(length: 107, digest: "8150f7c5da910d709ff02ddf85dd293c6a2672633de8cda30f2e0aa58b14b0c4"),
        KnownAnswer(length: 108, digest: "44d21db70716bd7644cb0d819fa6791805ebc526ea32996a60e41dc753fcfafc"),
        KnownAnswer(length: 109, digest: "b9b7c375cca45db19466ebd0fe7c9e147948cc42c1c90f0579728cfb2651956d"),
        KnownAnswer(length: 110, digest: "a47a551b01e55aaaa015531a4fa26a666f1ebd4ba4573898de712b8b5e0ca7e9"),
        KnownAnswer(length: 111, digest: "60780e9451bdc43cf4530ffc95cbb0c4eb24dae2c39f55f334d679e076c08065"),
        KnownAnswer(length: 112, digest: "09373f127d34e61dbbaa8bc4499c87074f2ddb10e1b465f506d7d70a15011979"),
        KnownAnswer(length: 113, digest: "13aaa9b5fb739cdb0e2af99d9ac0a409390adc4d1cb9b41f1ef94f8552060e92"),
        KnownAnswer(length: 114, digest: "5b0a32f1219524f5d72b00ba1a1b1c09a05ff10c83bb7a86042e42988f2afc06"),
        KnownAnswer(length: 115, digest: "32796a0a246ea67eb785eda2e045192b9d6e40b9fe2047b21ef0cee929039651"),
        KnownAnswer(length: 116, digest: "da9ab8930992a9f65eccec4c310882cab428a708e6c899181046a8c73af00855"),
        KnownAnswer(length: 117, digest: "9c94557382c966753c8cab0957eaedbe1d737b5fcb35c56c220ddd36f8a2d351"),
        KnownAnswer(length: 118, digest: "d32ab00929cb935b79d44e74c5a745db460ff794dea3b79be40c1cc5cf5388ef"),
        KnownAnswer(length: 119, digest: "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
        KnownAnswer(length: 120, digest: "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
        KnownAnswer(length: 121, digest: "335a461692b30bba1d647cc71604e88e676c90e4c22455d0b8c83f4bd7c8ac9b"),
        KnownAnswer(length: 122, digest: "3d08c4d7bdda7ec922b0741df357de46e7bd102f9ab7a5c67624ab58da6d9d75"),
        KnownAnswer(length: 123, digest: "cc63be92e3a900cd067da89473b61b40579b54ef54f8305c2ffcc893743792e9"),
        KnownAnswer(length: 124, digest: "865447fc4fae01471f2fc973bfb448de00217521ef02e3214d5177ea89c3ef31"),
        KnownAnswer(length: 125, digest: "3daa582f9563601e290f3cd6d304bff7e25a9ee42a34ffbac5cf2bf40134e0d4"),
        KnownAnswer(length: 126, digest: "5dda7cb7c2282a55676f8ad5c448092f4a9ebd65338b07ed224fcd7b6c73f5ef"),
        KnownAnswer(length: 127, digest: "92ca0fa6651ee2f97b884b7246a562fa71250fedefe5ebf270d31c546bfea976"),
        KnownAnswer(length: 128, digest: "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5"),
        KnownAnswer(length: 129, digest: "5099c6a56203f9687f7d33f4bfdf576d31dc91f6b695ecea38b2770c87631135"),
        KnownAnswer(length: 130, digest: "8d39b60b9c767c58975b270c1d6b13c9b4507e5aee7ad496a3528e4c7f880721"),
    ]

    /// Strings that `SHA256Digest(hex:)` must reject.
    static let invalidHexStrings: [String] = [
        "",
        String(repeating: "a", count: 63),
        String(repeating: "a", count: 65),
        String(repeating: "a", count: 128),
        String(repeating: "a", count: 63) + "g",
        String(repeating: "a", count: 63) + "G",
        String(repeating: "a", count: 63) + " ",
        " " + String(repeating: "a", count: 63),
        String(repeating: "a", count: 63) + "\n",
        "0x" + String(repeating: "a", count: 62),
        "0x" + String(repeating: "a", count: 64),
        String(repeating: "ab", count: 16) + "-" + String(repeating: "ab", count: 15) + "a",
        // 32 two-byte characters: 64 UTF-8 bytes, but none of them are hex digits.
        String(repeating: "é", count: 32),
        // Full-width digits and letters look like hex but are not ASCII.
        String(repeating: "\u{FF10}", count: 64),
        String(repeating: "a", count: 62) + "\u{FF21}",
    ]
}

struct SHA256Tests {
    /// The 200-byte message that the incremental tests cut up, and its digest.
    let incrementalMessage = SHA256Vectors.incrementalMessage
    let incrementalDigest = SHA256Vectors.incrementalMessageDigest

    // MARK: - NIST known answers

    @Test(arguments: SHA256Vectors.nistTextVectors)
    func nistTextVector(_ vector: SHA256Vectors.TextVector) {
        #expect(SHA256.hash(vector.message).hex == vector.digest)
        #expect(SHA256.hash(Array(vector.message.utf8)).hex == vector.digest)
    }

    @Test func emptyMessageWithoutAnyUpdate() {
        var hasher = SHA256()
        #expect(hasher.finalize().hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func emptyUpdatesChangeNothing() {
        var hasher = SHA256()
        hasher.update([UInt8]())
        hasher.update(Array("ab".utf8))
        hasher.update([UInt8]())
        [UInt8]().withUnsafeBytes { hasher.update($0) }
        hasher.update(EmptyCollection<UInt8>())
        hasher.update(Array("c".utf8))
        hasher.update([UInt8]().lazy.map { $0 })
        #expect(hasher.finalize().hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func oneMillionLetterA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash(String(repeating: "a", count: 1_000_000)).hex == expected)
        #expect(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)).hex == expected)

        // Chunks of 1,000 bytes never line up with the 64-byte blocks until the very end.
        var hasher = SHA256()
        let chunk = [UInt8](repeating: 0x61, count: 1_000)
        for _ in 0..<1_000 {
            hasher.update(chunk)
        }
        #expect(hasher.finalize().hex == expected)
    }

    @Test(arguments: SHA256Vectors.cavpShortMessages)
    func cavpShortMessage(_ vector: SHA256Vectors.ByteVector) {
        #expect(SHA256.hash(SHA256Vectors.bytes(fromHex: vector.messageHex)).hex == vector.digest)
    }

    // MARK: - Padding boundaries

    @Test(arguments: SHA256Vectors.boundaryKnownAnswers)
    func boundaryLength(_ answer: SHA256Vectors.KnownAnswer) {
        let message = SHA256Vectors.countingBytes(answer.length)
        #expect(SHA256.hash(message).hex == answer.digest)

        // The same bytes through the raw-buffer and non-contiguous entry points.
        var rawHasher = SHA256()
        message.withUnsafeBytes { rawHasher.update($0) }
        #expect(rawHasher.finalize().hex == answer.digest)
        #expect(SHA256.hash(message.lazy.map { $0 }).hex == answer.digest)
    }

    @Test func boundaryTableCoversEveryLengthUpTo130() {
        #expect(SHA256Vectors.boundaryKnownAnswers.map(\.length) == Array(0...130))
    }

    // MARK: - Incremental hashing

    @Test func oneShotOfIncrementalMessage() {
        #expect(SHA256.hash(incrementalMessage).hex == incrementalDigest)
    }

    @Test(arguments: 0...SHA256Vectors.incrementalMessage.count)
    func splitIntoTwoAtEveryOffset(_ offset: Int) {
        var hasher = SHA256()
        hasher.update(incrementalMessage[..<offset])
        hasher.update(incrementalMessage[offset...])
        #expect(hasher.finalize().hex == incrementalDigest)
    }

    @Test func splitIntoThreeAtEveryPairOfOffsets() {
        let count = incrementalMessage.count
        var mismatches: [String] = []
        for first in 0...count {
            for second in first...count {
                var hasher = SHA256()
                hasher.update(incrementalMessage[..<first])
                hasher.update(incrementalMessage[first..<second])
                hasher.update(incrementalMessage[second...])
                if hasher.finalize().hex != incrementalDigest {
                    mismatches.append("\(first)/\(second)")
                }
            }
        }
        #expect(mismatches.isEmpty, "split points giving a wrong digest: \(mismatches.prefix(20))")
    }

    @Test func oneByteAtATime() {
        var hasher = SHA256()
        for byte in incrementalMessage {
            hasher.update([byte])
        }
        #expect(hasher.finalize().hex == incrementalDigest)
    }

    @Test func mixedEntryPointsAndChunkSizes() {
        var hasher = SHA256()
        let chunkSizes = [1, 63, 2, 64, 0, 65, 5]
        var start = 0
        for (index, size) in chunkSizes.enumerated() {
            let chunk = incrementalMessage[start..<(start + size)]
            switch index % 3 {
            case 0: hasher.update(Array(chunk))
            case 1: chunk.withUnsafeBytes { hasher.update($0) }
            default: hasher.update(chunk.lazy.map { $0 })
            }
            start += size
        }
        #expect(start == incrementalMessage.count)
        #expect(hasher.finalize().hex == incrementalDigest)
    }

    @Test func everySequenceKindGivesTheSameDigest() {
        let message = incrementalMessage
        #expect(SHA256.hash(message).hex == incrementalDigest)
        #expect(SHA256.hash(message[...]).hex == incrementalDigest)
        #expect(SHA256.hash(ContiguousArray(message)).hex == incrementalDigest)
        #expect(SHA256.hash(AnySequence(message)).hex == incrementalDigest)
        #expect(SHA256.hash(message.lazy.map { $0 }).hex == incrementalDigest)
        #expect(SHA256.hash(message.withUnsafeBytes { Array($0) }).hex == incrementalDigest)
        let viaRawBuffer = message.withUnsafeBytes { buffer in
            var hasher = SHA256()
            hasher.update(buffer)
            return hasher.finalize()
        }
        #expect(viaRawBuffer.hex == incrementalDigest)
    }

    @Test func copyingAHasherSnapshotsItsState() {
        var hasher = SHA256()
        hasher.update(Array("abc".utf8))
        var snapshot = hasher
        hasher.update(Array("dbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        #expect(snapshot.finalize().hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hasher.finalize().hex == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func stringsHashAsTheirUTF8Bytes() {
        let text = "héllo, wörld ✓ 🍎"
        let expected = "001d29d769637c74346bbbd26e64d11f2297f17f624b7c53e192cfd534bc68a9"
        #expect(SHA256.hash(text).hex == expected)
        #expect(SHA256.hash(Array(text.utf8)).hex == expected)
        // A substring's UTF-8 view is contiguous too, but starts part-way into its base string.
        let embedded = "<<" + text + ">>"
        let substring = embedded.dropFirst(2).dropLast(2)
        #expect(SHA256.hash(substring.utf8).hex == expected)
    }

    // MARK: - Misuse

    #if os(macOS) || os(Linux) || os(FreeBSD) || os(OpenBSD) || os(Windows)
    @Test func updateAfterFinalizeStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            var hasher = SHA256()
            _ = hasher.finalize()
            hasher.update([0x61])
        }
    }

    @Test func finalizeTwiceStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            var hasher = SHA256()
            _ = hasher.finalize()
            _ = hasher.finalize()
        }
    }
    #endif

    // MARK: - Digest value

    @Test func digestBytesAreBigEndianWords() {
        let digest = SHA256.hash("abc")
        #expect(digest.bytes.count == 32)
        #expect(Array(digest.bytes.prefix(4)) == [0xba, 0x78, 0x16, 0xbf])
        #expect(Array(digest.bytes.suffix(4)) == [0xf2, 0x00, 0x15, 0xad])
        #expect(digest.bytes == SHA256Vectors.bytes(fromHex: digest.hex))
    }

    @Test func descriptionIsLowercaseHex() {
        let digest = SHA256.hash("abc")
        #expect(digest.description == digest.hex)
        #expect("\(digest)" == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest.hex == digest.hex.lowercased())
    }

    @Test(arguments: SHA256Vectors.boundaryKnownAnswers.map(\.digest))
    func hexRoundTrip(_ hex: String) throws {
        let parsed = try #require(SHA256Digest(hex: hex))
        #expect(parsed.hex == hex)
        #expect(SHA256Digest(hex: parsed.hex) == parsed)
    }

    @Test func hexParsingAcceptsAnyCase() throws {
        let lower = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        let expected = SHA256.hash("abc")
        #expect(SHA256Digest(hex: lower) == expected)
        #expect(SHA256Digest(hex: lower.uppercased()) == expected)
        #expect(SHA256Digest(hex: "BA7816bf8F01CFEA414140de5dae2223b00361a396177a9cb410ff61f20015AD") == expected)
        let parsedUpper = try #require(SHA256Digest(hex: lower.uppercased()))
        #expect(parsedUpper.hex == lower)
    }

    @Test func hexParsingCoversEveryDigit() throws {
        let hex = "0123456789abcdefABCDEF0123456789" + "fedcba9876543210FEDCBA9876543210"
        let digest = try #require(SHA256Digest(hex: hex))
        #expect(digest.hex == hex.lowercased())
        #expect(Array(digest.bytes.prefix(8)) == [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef])
    }

    @Test(arguments: SHA256Vectors.invalidHexStrings)
    func hexParsingRejects(_ text: String) {
        #expect(SHA256Digest(hex: text) == nil)
    }

    @Test func digestsWorkAsSetMembersAndDictionaryKeys() throws {
        let abc = SHA256.hash("abc")
        let abcAgain = try #require(SHA256Digest(hex: abc.hex))
        let empty = SHA256.hash("")
        #expect(abc == abcAgain)
        #expect(abc != empty)
        #expect(Set([abc, abcAgain, empty]).count == 2)
        let names: [SHA256Digest: String] = [abc: "abc", empty: "empty"]
        #expect(names[abcAgain] == "abc")
    }
}
