/// Which document to render from a run.
public enum ReportKind: String, Sendable, CaseIterable {
    /// The full record: header, timeline, steps, milestones, decisions, approvals, escalations, notes,
    /// obligations, signature, integrity.
    case full
    /// The fault report (机房故障报告): phenomenon, impact, cause, handling and result, prevention.
    case fault
    /// The emergency work report (应急保障工作报告): a summary of the whole response for the user to sign.
    case work
}
