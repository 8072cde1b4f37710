// Generated from Playbooks/water-leak.yaml when the journal corpus was made (its journals pin these exact bytes).
// Regenerate both together: see Tests/Fuzz/README.md.

/// The playbook pinned in the fuzzed run directory.
let pinnedPlaybookText = #"""
# Machine-room water leak (机房漏水应急预案), from the digest's §4.2, with the common roles (§1),
# severity levels and limits (§2) and the general flow (§3).
muster: 1
id: water-leak
version: 0.1.0
title: { en: Machine-room water leak, zh: 机房漏水应急预案 }

roles:
  commander: { title: { en: Commander, zh: 应急总指挥 }, stand_in: tech_lead }
  tech_lead: { title: { en: Tech lead, zh: 应急技术经理 } }
  on_site: { title: { en: On-site responder, zh: 现场负责人 } }

severity:
  fatal: { title: { en: Fatal, zh: 致命 }, clocks: { respond: 10m, resolve: 4h } }
  severe: { title: { en: Severe, zh: 严重 }, clocks: { respond: 15m, resolve: 8h } }
  general: { title: { en: General, zh: 一般 }, clocks: { respond: 30m, resolve: 24h } }

milestones:
  reported:
    title: { en: Reported to the emergency team, zh: 已上报应急小组 }
    within: 5m
    reached_when: report.done
  responded:
    title: { en: Response started, zh: 已启动响应 }
    within: respond
    reached_when: assess.done
    measures: response
  written_report:
    title: { en: Written report delivered, zh: 已提交书面报告 }
    within: 1d
    from: outcome
    reached_when: written_report.done
    measures: report

facts:
  leak_source:
    title: { en: Where the water comes from, zh: 漏水来源 }
    type: choice
    values: [air_conditioning, wall_or_window]

start: report
steps:
  report:
    title: { en: Report the leak, zh: 报告漏水 }
    instructions:
      en: Tell the people around and report to the emergency team at once.
      zh: 立即通知周围人员并向应急小组报告。
    owner: on_site
    source: "§3.1 fault-occurs; §4.2 witness-reports: the first witness notifies people and reports; §1 on-site: reports at once; §2 report-5min"
    done_within: 5m
    escalate:
      - { after: 3m, notify: [tech_lead] }
    next: assess
  assess:
    title: { en: Go to the site and find the source, zh: 赶赴现场并查明漏水来源 }
    owner: commander
    source: "§4.2 witness-reports: the team goes to the site at once; §3.3 assessment; §2 plan-a-fatal; §2 plan-a-severe; §2 plan-a-general; §1 commander: grades the severity"
    grade: true
    record: [leak_source]
    done_within: 5m
    next:
      - { when: leak_source == air_conditioning, goto: handle_air_conditioning }
      - { else: secure_room }
  handle_air_conditioning:
    title: { en: Have the air-conditioning leak handled, zh: 处理空调漏水 }
    owner: on_site
    source: "§4.2 aircon-leak: have the air-conditioning leak handled"
    done_within: 1h
    next: clear_water
  secure_room:
    title: { en: Secure the machine room, zh: 做好机房安全防护 }
    owner: on_site
    source: "§4.2 wall-leak: secure the room"
    done_within: 30m
    next: clear_water
  clear_water:
    title: { en: Clear the standing water, zh: 清除积水 }
    owner: on_site
    source: "§4.2 aircon-leak: clear the standing water; §4.2 wall-leak: clear the water"
    done_within: 1h
    next:
      - { when: leak_source == wall_or_window, goto: repair_and_remove_cause }
      - { else: outcome.resolved }
  repair_and_remove_cause:
    title: { en: Repair the wall or window and remove the cause, zh: 修补墙体或窗户，消除隐患 }
    owner: tech_lead
    source: "§4.2 wall-leak: repair the wall or window and remove the cause"
    done_within: 1d
    next: outcome.resolved
  written_report:
    title: { en: Written report to the user's leadership, zh: 向用户领导提交书面报告 }
    owner: commander
    phase: after_end
    source: "§2 written-1day; §1 leadership: receives the final report"
    done_within: 1d

outcomes:
  resolved: { kind: success, title: { en: Leak stopped and cleared, zh: 漏水已处置 } }
"""# + "\n"
