import Journaling
import RunEngine
import Testing

/// Journals written before the engine wrote Chinese beside its English texts still read, and their lines encode
/// back to the same bytes, so that their chains and checksums verify unchanged.
struct ChineseTextJournalTests {
    /// Lines of `step.cancelled`, `notification.requested` and `command.rejected` as the engine wrote them before.
    static let englishOnlyLines: [String] = [
        #"{"seq":10,"at":1795000001000,"t":1000,"actor":"engine","type":"step.cancelled","data":{"step":"report","why":"the run reached outcome 'aborted'"},"commit":false,"prev":"726bd9c1ffe19d448dd798fd455b93d0468a7a63a21ea25d33f97a0f05e7e537","sum":"71d21b8028164bd54680913c99eb5ad8da72d6c1f76a5736b9c801b149997102"}"#,
        #"{"seq":9,"at":1795000180000,"t":180000,"actor":"engine","type":"notification.requested","data":{"id":"n1","roles":["tech_lead"],"message":"step 'report' (Report the leak) is not done after 3m","step":"report"},"commit":false,"prev":"0429875f45be01b08b3d59f363056adf1410f4eb82a69d8455329c7d03143191","sum":"118032258b30ee6d6333d13b68be54cb8d476d4436373e756b485070ed954be4"}"#,
        #"{"seq":14,"at":1795000300000,"t":300000,"actor":"engine","type":"notification.requested","data":{"id":"n2","roles":["on_site"],"message":"step 'report' is overdue","step":"report"},"commit":false,"prev":"67d5289b04fafefc4fb2f0b631d726cec87c19f7dfc33f809a1a07040597a532","sum":"8d32a44b5af65678aaf3b1db39fb46d52724fa25b7ccb45649954b7353588ca5"}"#,
        #"{"seq":7,"at":1795000001000,"t":1000,"actor":{"person":"b"},"type":"command.rejected","data":{"command":"done","reason":"not-active: step 'assess' is not active; active: report"},"prev":"e785398c3265423b1d1c38b471d4dffef22587d9784a8f8ba0f8690264b617e5","sum":"e54b677e905fd5e56ac78ca02fd69e74f066b8fd137f473d592c8e878fc5767a"}"#,
        #"{"seq":8,"at":1795000002000,"t":2000,"actor":{"person":"zz"},"type":"command.rejected","data":{"command":"ack","reason":"wrong-role: zz may not act as 'on_site' (held by b); zz holds no role on this run"},"prev":"811086f398a29b9ea75d3a38a3a56a5d98881034ff923ad0512abb7dd8ca7b76","sum":"291fb1bbf8b08a116247af0a127920dc5e76c494efe051d6b7defbda0cdadd62"}"#,
    ]

    @Test(arguments: englishOnlyLines)
    func aLineWrittenBeforeReadsWithoutChineseAndEncodesToTheSameBytes(_ text: String) throws {
        let bytes = Array(text.utf8)
        let line = try JournalLine.decode(bytes[...])
        switch line.event.kind {
        case .stepCancelled(_, _, let chinese, _), .notificationRequested(_, _, _, _, let chinese, _),
            .commandRejected(_, .prose(_, let chinese)):
            #expect(chinese == nil)
        default:
            Issue.record("decoded as \(line.event.kind)")
        }
        #expect(line.encoded() == bytes)
    }

    @Test func aLineWithChineseKeepsItThroughTheJournal() throws {
        let kinds: [EventKind] = [
            .stepCancelled(step: "fans", why: "the join of 'work' is satisfied", whyChinese: "步骤 'work' 的汇合条件已满足"),
            .stepReassigned(step: "report", to: "tech_lead", why: "escalation 2", whyChinese: "第 2 级升级"),
            .notificationRequested(id: "n1", roles: ["on_site"], message: "step 'report' is overdue", step: "report",
                                   messageChinese: "步骤 'report' 已逾期"),
            .commandRejected(command: "ack", refusal: .prose(reason: "wrong-role: zz may not act as 'on_site' (held by b)",
                                                             chinese: "zz 不能以 'on_site' 的身份操作（该角色由 b 担任）")),
        ]
        for kind in kinds {
            var line = try JournalLine.decode(Array(Self.englishOnlyLines[0].utf8)[...])
            line.event.kind = kind
            let bytes = line.encoded()
            #expect(String(decoding: bytes, as: UTF8.self).contains("_zh\":\""))
            #expect(try JournalLine.decode(bytes[...]) == line)
        }
    }
}
