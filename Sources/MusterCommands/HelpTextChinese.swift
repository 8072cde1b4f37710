/// The help in Chinese (`--lang zh`, `MUSTER_LANG=zh`): command and option summaries by their English text, the
/// longer explanations by command. Usage lines, command and option names stay as they are typed. An explanation
/// without a Chinese text (those of the authors' and operators' tools) is shown in English.
enum HelpTextChinese {
    /// The overview's fixed lines.
    static let overviewTitle = "可执行的机房与数据中心应急预案"
    static let usage = "用法"
    static let commands = "命令"
    static let options = "选项"
    static let sharedOptions = "所有命令都接受的选项"
    static let closing = "'muster help <命令>' 给出详细说明；'muster --version' 显示版本。"

    /// Command and option summaries, by their English text.
    static let summaries: [String: String] = [
        // Commands.
        "check playbooks and report every problem with its location": "检查预案，逐一报告每个问题及其位置",
        "print a playbook as a readable outline, to review it against the plan": "以易读的提纲显示预案，便于对照原文审阅",
        "draw a playbook's steps as a Mermaid or Graphviz graph": "把预案的步骤画成 Mermaid 或 Graphviz 图",
        "print the JSON Schema of the playbook language, for editors": "输出预案语言的 JSON Schema，供编辑器使用",
        "write a commented starting playbook with every concept of the language":
            "生成一份带注释、涵盖语言全部概念的起步预案",
        "start a live run of a playbook and print its run id": "启动一次预案实战运行，并输出运行 id",
        "release a standing instruction (protect the scene) when it no longer stands":
            "解除一条持续指令（如保护现场），当它不再需要时",
        "start a chain of steps the playbook allows at any time (an emergency shutdown)":
            "发起预案允许随时发起的一组步骤（如紧急关闭）",
        "the board of a run: active steps, owners, time left, milestones": "运行看板：进行中的步骤、负责人、剩余时间、里程碑",
        "the live board of a run: fires timers on time and shows notifications": "实时看板：按时触发定时器并显示通知",
        "take an unassigned role on a run": "在运行中承担一个尚未指派的角色",
        "acknowledge a step: someone has taken it": "确认步骤：已有人接手",
        "report progress on an open step": "报告进行中步骤的进展",
        "tick checklist items of an open step": "勾选进行中步骤的检查项",
        "finish a step (ticking the given checklist items first)": "完成步骤（先勾选给出的检查项）",
        "record a fact": "记录一项事实",
        "take a decision": "作出决策",
        "grant an approval": "批准",
        "deny an approval": "驳回审批",
        "add a note to the run's record": "在运行记录中添加备注",
        "give or correct the incident's title (what happened, where), shown on its reports":
            "给出或更正事件标题（发生了什么、在哪里），显示在报告上",
        "the incident's title (what happened, where), for its reports": "事件标题（发生了什么、在哪里），用于报告",
        "show times in this time zone, e.g. Asia/Shanghai (default: TZ, the host's zone)":
            "按此时区显示时间，如 Asia/Shanghai（默认：TZ，本机时区）",
        "hand a role to another person": "把角色移交给另一人",
        "set the run's severity level": "确定运行的严重级别",
        "change the run's severity level": "调整运行的严重级别",
        "say that something awaited has happened": "告知所等待的事情已经发生",
        "end the run early": "提前结束运行",
        "the timeline of a run: every event with its time, person and role": "运行的时间线：每个事件及其时间、人员和角色",
        "list the runs in the runs directory, live and finished": "列出运行目录中的运行，包括进行中和已结束的",
        "check every checksum and the hash chain of a run's journal": "校验运行日志的每个校验和与哈希链",
        "your work on every live run: your steps, approvals, decisions, reports you owe, pages to you":
            "你在所有进行中运行里的工作：你的步骤、审批、决定、应交的进展报告、发给你的通知",
        "send a test message to a person through the configured notifier": "通过已配置的通知程序给某人发一条测试消息",
        "the person to send a test message to": "接收测试消息的人",
        "confirm that a notification reached you": "确认通知已送达你",
        "follow every live run of the runs directory and deliver for all": "跟随运行目录中所有进行中的运行，并为它们全部送达通知",
        "write a run as one file that anyone can verify (a tar archive)": "把一次运行导出为任何人都能校验的单个文件（tar 归档）",
        "write the archive to FILE (default: RUN.tar)": "把归档写入 FILE（默认：RUN.tar）",
        "verify an archive written by 'muster export' instead of a run": "校验 'muster export' 写出的归档，而不是运行目录中的运行",
        "the report of a run: timeline, steps, milestones, decisions, integrity": "运行报告：时间线、步骤、里程碑、决策、完整性",
        "sign a finished run's report as the user (用户签收)": "以用户身份签收已结束运行的报告（用户签收）",
        "drills: start one, move its virtual clock, play a scenario unattended, see what is due":
            "演练：启动演练、拨动虚拟时钟、无人值守地演完脚本、查看应做的演练",
        "timeliness statistics of the live runs: response, repair, report; overdue and unsigned reports":
            "实战运行的及时率统计：响应、修复、报告；逾期和未签收的报告",
        "a playbook as a paper checklist (Markdown or printable HTML) for when power or network is gone":
            "把预案印成纸质检查单（Markdown 或可打印的 HTML），供停电断网时使用",
        "print a shell completion script for bash, zsh or fish": "输出 bash、zsh 或 fish 的命令补全脚本",
        // Options.
        "a checklist item to tick first (repeatable)": "先勾选的检查项（可重复）",
        "advance to the next timer or inject": "拨到下一个定时器或注入",
        "write a starting drill scenario of PLAYBOOK (an id or a file) instead of a playbook":
            "改为生成 PLAYBOOK（预案 id 或文件）的演练脚本模板",
        "observe: a strength": "observe：记为优点",
        "the schema of drill scenarios instead of playbooks": "改为输出演练脚本的 Schema",
        "observe: an area for improvement": "observe：记为待改进之处",
        "rate: the written justification; cancel: why": "rate：书面评定理由；cancel：取消原因",
        // The subcommands of drill.
        "start a drill for people to play, on the virtual clock or the real one": "开始一次由人员参演的演练，使用虚拟时钟或真实时钟",
        "move a drill's virtual clock, delivering what falls due on the way": "拨快演练的虚拟时钟，途中到期的事项随之送达",
        "play a scenario unattended with its scripted players and print the evaluation":
            "由脚本人员无人值守地演完一个场景，并输出评定",
        "the after-action report of a drill": "演练的总结评估报告",
        "which drills the programme requires next, and when each playbook was last drilled":
            "演练计划接下来要求哪些演练，以及各预案上次演练的时间",
        "an evaluator's observation, of an objective or of the exercise": "评估人员对某一目标或整场演练的观察记录",
        "an evaluator's rating of an objective, with its written justification": "评估人员对某一目标的评定，附书面理由",
        "a controller sends a scenario inject now, or an ad hoc one": "导调人员立即发出一条脚本注入，或一条临时注入",
        "a controller cancels an inject not yet delivered": "导调人员取消一条尚未发出的注入",
        "a controller marks start or end of exercise, or pauses or resumes play": "导调人员标记演练开始或结束，或暂停、继续演练",
        "a controller hands a role to the scenario's scripted players": "导调人员将一个角色交给场景的脚本人员扮演",
        "a controller hands a role back from the scripted players to a person": "导调人员将一个角色从脚本人员交回给某人扮演",
        "who plays a role (repeatable; default: the scenario's participants)": "由谁扮演一个角色（可重复；默认为场景的参与者）",
        "a role the scenario's scripted players play (repeatable; all: every scripted role)":
            "由场景脚本人员扮演的角色（可重复；all 表示所有有脚本的角色）",
        "set an objective's improvement action, with its owner and due date": "为某一目标设定改进措施及其负责人和期限",
        "inject: the role an ad hoc inject goes to": "inject：临时注入发给的角色",
        "inject: the text of an ad hoc inject": "inject：临时注入的内容",
        "improve: the corrective action": "improve：改进措施",
        "improve: who owns it": "improve：责任人",
        "improve: due by, YYYY-MM-DD": "improve：完成期限，YYYY-MM-DD",
        "improve: open (default), in_progress or done": "improve：状态 open（默认）、in_progress 或 done",
        "count runs started on or after DATE (YYYY-MM-DD, UTC)": "只统计 DATE（YYYY-MM-DD，UTC）当天及以后开始的运行",
        "deliver notifications with this program (no shell; default MUSTER_NOTIFY, then RUNS/notify.yaml)":
            "用该程序发送通知（不经 shell；默认 MUSTER_NOTIFY，其次是 RUNS/notify.yaml）",
        "exit 1 if a rating is below P, S or M": "有评定低于 P、S 或 M 时以 1 退出",
        "file it in the fault report: phenomenon, impact, cause, handling, prevention, lesson":
            "归入故障报告的一节：现象、影响、原因、处理、预防、教训",
        "full (default), fault or work": "full（默认，完整记录）、fault（故障报告）或 work（工作报告）",
        "how long a delivery may take (default RUNS/notify.yaml, then 10s)": "一次发送最多可用的时间（默认取 RUNS/notify.yaml，其次 10s）",
        "language of the output: en or zh (default: MUSTER_LANG, en)": "输出语言：en 或 zh（默认：MUSTER_LANG，否则 en）",
        "output format: text, json (and others per command)": "输出格式：text、json（各命令另有其他格式）",
        "refuse if what this acts on changed after seq N": "若所操作的对象在序号 N 之后有变化，则拒绝",
        "correct a fact recorded earlier, with the reason (after the outcome too)": "更正此前记录的事实并说明理由（结束后也可以）",
        "record an action PERSON reported (by phone): judged as theirs, journaled with you as its recorder":
            "代为记录 PERSON（如电话）报告的操作：按其本人的操作判定，并以你为记录人写入日志",
        "show this help": "显示本帮助",
        "stop after this long (e.g. 30s, 10m)": "运行这么久后停止（如 30s、10m）",
        "the contact directory (default MUSTER_CONTACTS, then RUNS/notify.yaml)": "通讯录文件（默认 MUSTER_CONTACTS，其次是 RUNS/notify.yaml）",
        "the reason, journaled": "理由，记入日志",
        "the role to take": "要承担的角色",
        "the run id (default: playbook id and start time)": "运行 id（默认：预案 id 加开始时间）",
        "the run id (default: scenario id and the real time)": "运行 id（默认：演练脚本 id 加真实时间）",
        "the severity level, when already known": "严重级别（已知时）",
        "when the fault happened, if before now (2026-12-06T08:30Z, or '25m ago'): what 'from: fault' counts from":
            "故障发生的时刻（早于现在时；如 2026-12-06T08:30Z 或 '25m ago'）：'from: fault' 自此起算",
        "treat warnings as errors": "把警告当作错误",
        "virtual (default) or real": "virtual（默认，虚拟时钟）或 real（真实时钟）",
        "where playbooks are found by id (default: MUSTER_PLAYBOOKS, Playbooks)":
            "按 id 查找预案的目录（默认：MUSTER_PLAYBOOKS，否则 Playbooks）",
        "where runs live (default: MUSTER_RUNS, ./runs)": "运行所在的目录（默认：MUSTER_RUNS，否则 ./runs）",
        "who holds a role (repeatable)": "谁担任某个角色（可重复）",
        "who is acting (default: MUSTER_AS)": "操作人（默认：MUSTER_AS）",
        "who is acting: a controller the scenario names (default: MUSTER_AS)": "操作人：场景列明的导调人员（默认：MUSTER_AS）",
        "who is acting: an evaluator the scenario names (default: MUSTER_AS)": "操作人：场景列明的评估人员（默认：MUSTER_AS）",
        "who is acting: a controller or an evaluator the scenario names (default: MUSTER_AS)":
            "操作人：场景列明的导调或评估人员（默认：MUSTER_AS）",
        "who takes the role": "接手角色的人",
        "with --clock real: run N times faster than real time": "与 --clock real 一起用：比真实时间快 N 倍",
        "write the checklist to FILE instead of stdout": "把检查单写入 FILE，而不是标准输出",
        "write the playbook to FILE instead of stdout": "把预案写入 FILE，而不是标准输出",
        "write the report to FILE instead of stdout": "把报告写入 FILE，而不是标准输出",
        "a chain head recorded earlier that must still be there": "之前记录的链头，必须仍在链中",
        "with --format html: write the page to FILE, not stdout": "与 --format html 一起用：把页面写入 FILE，而不是标准输出",
        "keep an HTML board in DIR for a web server to serve": "在 DIR 中维护一份 HTML 看板，供网页服务器发布",
        "keep printing each line as it is committed": "持续输出每一条刚提交的日志行",
        "print only the lines after line N": "只输出第 N 行之后的日志行",
        "every run of the runs directory (with --follow)": "运行目录中的所有运行（与 --follow 一起用）",
    ]

    /// The action commands' shared explanation.
    private static let action = "PERSON 取自 --as 或 MUSTER_AS。被拒绝的操作以 1 退出，并作为 command.rejected 记入日志。"

    /// The longer explanations, by command.
    static let discussions: [String: String] = [
        "start": """
            PLAYBOOK 是预案文件，或预案目录中某个预案的 id。预案文本会固定保存在运行目录中：之后修改预案
            不会改变正在进行的运行。标准输出只有运行 id 和一个换行，其他内容都写到标准错误。
            """,
        "status": """
            先触发并记录已到期的定时器，所以即使无人盯守，看板也是准确的。--format html 把看板输出为一个
            自成一体的网页（没有脚本，不引用外部资源；截止时间按 TZ 或本机时区显示为带时差的当地时间）；
            'muster watch RUN --html DIR' 持续更新这样的网页，供网页服务器发布。
            """,
        "log": """
            --format jsonl 按日志中写下的原样输出每一行（每行一个 JSON 对象），输出前先校验校验和与哈希链。
            --follow 持续输出每一条刚提交的行，从不占用写锁，直到被中断（SIGINT 或 SIGTERM 在输出完整一行后
            干净地结束，读取方关闭管道时也一样）；--since-seq N 只输出第 N 行之后的行，记下最后收到的序号的
            采集程序据此续传，不丢也不重。--follow --all 跟随运行目录中的所有运行（新运行从第一行开始），
            每行输出为 {"run":ID,"line":LINE}（text 格式则在行前加运行 id）。
            """,
        "watch": """
            在终端上，看板原地刷新，下方显示最近的通知以及送达了谁；输出被管道接走时，每个新事件打印为
            一行。watch 一直休眠到下一个定时器到期（最多一秒，以便发现其他终端的操作），像普通命令一样
            经日志触发它，并用通知程序（--notify-command、MUSTER_NOTIFY 或运行目录中的 notify.yaml；按 argv
            执行，不经 shell；通知和收件人的联系方式以 JSON 从标准输入传入）送达每一条等待中的通知。
            加 --as PERSON 时看板还显示此人的工作，每有一条发给此人的新通知就响一次终端铃。加 --all 时跟随
            运行目录中所有进行中的运行（包括新开始的），并为它们全部送达通知：这是团队在值班主机上常驻的
            那一个进程。运行结束或到了 --exit-after（如 30s）时停止。加 --html DIR 时还在 DIR 中维护 HTML
            看板，每次变化时、且至少每 30 秒整体替换一次文件：index.html、index.zh.html 以及每人一页
            （person-NAME.html）；加 --all 时每个运行一个目录，另有运行目录的索引页。网页没有脚本，不引用外部
            资源，按运行的属组及其组读写权限写入；任何网页服务器都能发布（见 README）。
            """,
        "join": action, "ack": action, "progress": action, "tick": action, "done": action, "record": action,
        "decide": action, "approve": action, "deny": action, "note": action, "title": action, "handover": action, "grade": action,
        "regrade": action, "signal": action, "abort": action, "received": action,
        "report": """
            报告完全由回放的日志生成：没有手工编辑，也不读取日志以外的任何内容。--kind fault 生成机房故障
            报告（现象、影响、原因、处理及结果、预防——取自记录的事实和用 'note --section' 归档的备注）；
            --kind work 生成应急保障工作报告，由用户用 'muster signoff' 签收。
            """,
        "signoff": "签收会记入日志；报告会显示签收，未签收的运行也会注明。",
        "inbox": """
            对运行目录中每个进行中的运行：你的角色负责的步骤及剩余时间，等你审批和决定的事项，你应交的进展
            报告（以及已漏报几次），发给你的升级通知和其他通知及其送达情况。与 status 一样，先把到期的定时器
            记入日志；配置了通知程序时，顺带送达等待中的通知。
            """,
        "notify": """
            通过为运行目录配置的渠道（notify.yaml，或 --notify-command 和 --contacts）给 PERSON 发送一条测试
            消息，与升级通知的发送方式完全相同，让团队在事件发生前就确认通知能送达。送达时以 0 退出，未送达时
            以 1 退出并说明原因。不记入任何日志。
            """,
        "export": """
            导出运行的日志、固定的预案、头记录以及（演练的）演练脚本，打包成一个 tar 文件，交给用户或审计方，
            与之关联的运行（continue_in）的同样文件各占一个目录一并打包：在任何机器上用 'muster verify --bundle FILE' 校验，或用 'tar xf' 打开。导出在共享锁下读取，
            运行进行中也可以导出（此时会注明运行尚未结束）。已损坏的运行拒绝导出。
            """,
        "verify": """
            逐行校验日志的校验和、序号与哈希链，指出第一处损坏的行。被截在行边界上的日志仍然成链，
            此时运行的头记录（journal.head，在所计的行落盘之后才写入）会发现丢失了行；若头记录也被删除，
            可用 --head 给出之前记录的链头（status --format json 和报告页脚都会输出它）：除非那一行仍在链中，
            否则校验失败。其他终端正在写入时也可以校验：读到的是一致的快照。--bundle FILE 校验
            'muster export' 导出的文件，无需运行目录：归档中的关联运行（continue_in）逐一校验并核对关联；
            归档中缺少的关联运行会指明，并判为校验失败。
            """,
        "drill": """
            SCENARIO 是演练脚本文件，或 <playbooks>/drills 中某个脚本的 id。'drill start' 以演练模式创建一次
            运行，大家用普通命令操作；注入到期时记入日志。使用虚拟时钟（默认）时，只有 'drill advance'
            会推动时间。'drill run' 让脚本中的模拟人员无人值守地演完整个脚本，并输出评定（每个目标 P/S/M/U）；
            无论评定如何都以 0 退出，给出 --fail-below 时有评定低于该级则以 1 退出。'drill due' 说明演练计划
            下一步要做哪些演练：每年一次实战演练，每月一次桌面推演，每半年一次不打招呼的演练，每季度一次攻防
            演练，每周一次恢复练习。演练按实际举行日期计算，且只有有人参演并完成的演练才计入：无人值守的
            'drill run' 和所有角色都由脚本扮演的演练是练习，中止的演练不计入；有逾期项或从未举行的必需演练时
            'drill due' 以 1 退出（便于 cron）。演练脚本中声明的
            导调与评估人员用其余子命令：评估员按目标记录观察（observe，优点或待改进之处），并以书面理由给出或
            改写评定（rate）；导调人员立即发送或取消注入（inject、cancel），标记演练开始、结束、暂停与继续
            （mark）；二者都可设定目标的改进措施、责任人与期限（improve）。这些都记入日志并写入演练报告。
            """,
        "completion": """
            脚本补全命令、命令的选项和选项值、运行目录中的运行 id、某次运行的步骤 id，以及预案目录中的预案 id
            （这些由脚本按输入的 --runs 和 --playbooks 向 'muster' 本身查询）。bash：在 ~/.bashrc 中写
            'source <(muster completion bash)'。zsh：保存为 $fpath 中某个目录下的 _muster。fish：保存为
            ~/.config/fish/completions/muster.fish。
            """,
    ]
}
