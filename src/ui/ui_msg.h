/*
 * ui_msg.h: every sentence the counter terminal shows, in Chinese and
 * English, in one catalogue.
 *
 * Why a catalogue: the clerk switches language with a key (or --lang en)
 * and each screen must change at once; a literal written inside a screen
 * would stay behind in one language. Screens name a message by its id and
 * ui_msg() returns it in the current language. Vocabulary (businesses,
 * documents, tenures...) comes from the tables of case.h and rule messages
 * from rules_message(), which are bilingual already.
 */
#ifndef JZZ_UI_MSG_H
#define JZZ_UI_MSG_H

#define UI_MESSAGES(X) \
	X(M_NONE, "", "") \
	X(M_FMT_LV, "%s：%s", "%s: %s") \
	X(M_FMT_PAREN, "（%s）", " (%s)") \
	X(M_LIST_SEP, "、", ", ") \
	X(M_CLAUSE_SEP, "；", "; ") \
	X(M_APP_TITLE, "居住证受理终端", "Residence Permit Counter") \
	X(M_TRAINING, "培训模式", "TRAINING MODE") \
	X(M_NEED_UTF8, "jzz: 终端需要 UTF-8 字符集（例如 LANG=zh_CN.UTF-8 或 C.UTF-8），当前为 %s。", \
	  "jzz: the terminal needs a UTF-8 locale (e.g. LANG=zh_CN.UTF-8 or C.UTF-8); the current one is %s.") \
	X(M_NOT_TTY, "jzz: 标准输入输出不是终端。", "jzz: standard input/output is not a terminal.") \
	X(M_TOO_SMALL, "终端窗口太小", "Terminal too small") \
	X(M_TOO_SMALL_NEED, "至少需要 80 列 × 24 行，当前 %d × %d。请放大窗口，输入内容不会丢失。", \
	  "Needs at least 80 columns x 24 rows, now %d x %d. Enlarge the window; nothing typed is lost.") \
	/* function keys */ \
	X(M_FK_HELP, "帮助", "Help") \
	X(M_FK_LOOKUP, "查人", "Person") \
	X(M_FK_STATUS, "进度", "Status") \
	X(M_FK_RECEIVED, "到证", "Arrived") \
	X(M_FK_LANG, "English", "中文") \
	X(M_FK_QUIT, "退出", "Quit") \
	X(M_FK_LOGOUT, "注销", "Log out") \
	X(M_FK_TODAY, "今日", "Today") \
	X(M_FK_PHONED, "电话已通知", "Told by phone") \
	X(M_FK_MINE, "本人/全中心", "Mine/all") \
	X(M_LOGOUT_LOSE, "注销将放弃未提交的内容，确定吗？（y 或 Enter 注销 / n 留下）", "Log out and drop what is not submitted? (y or Enter log out / n stay)") \
	X(M_FK_BACK, "返回", "Back") \
	X(M_FK_NEXT, "下一步", "Next") \
	X(M_FK_PREV, "上一步", "Prev") \
	X(M_FK_REVIEW, "核对", "Review") \
	X(M_FK_ACCEPT, "受理", "Accept") \
	X(M_FK_REFUSE, "不予受理", "Refuse") \
	X(M_FK_INCOMPLETE, "补正告知", "Notify missing") \
	X(M_FK_LOGIN, "登录", "Log in") \
	X(M_FK_SEARCH, "查询", "Search") \
	X(M_FK_DONE, "完成", "Done") \
	X(M_FK_CONFIRM, "确认", "Confirm") \
	X(M_FK_PRINT, "打印", "Print") \
	X(M_FK_CARD_IN, "到证登记", "Card arrived") \
	X(M_FK_POSTED, "已邮寄", "Posted") \
	X(M_FK_CHANGE, "修改", "Change") \
	/* login */ \
	X(M_LOGIN_TITLE, "登录", "Log in") \
	X(M_LOGIN_USER, "账号", "Account") \
	X(M_LOGIN_PASSWORD, "密码", "Password") \
	X(M_LOGIN_DEMO, "培训账号（账号 / 密码 / 用途）：", "Training accounts (account / password / role):") \
	X(M_LOGIN_NEW_PASSWORD, "新密码", "New password") \
	X(M_LOGIN_CONFIRM, "再输一遍", "Again") \
	X(M_LOGIN_NEED_USER, "请输入账号", "Enter the account name") \
	X(M_LOGIN_DENIED, "账号或密码不正确（再错 %d 次将锁定 15 分钟）", "Wrong account or password (%d more tries before a 15-minute lock)") \
	X(M_LOGIN_LOCKED, "连续输错，账号已锁定，请于 %s 后再试，或请管理员解锁", "Too many failures: the account is locked until %s (or ask an administrator)") \
	X(M_LOGIN_DISABLED, "此账号已停用，请联系管理员", "This account is disabled; ask an administrator") \
	X(M_LOGIN_FIRST, "临时密码（首次登录或已重置）：请设置自己的新密码", "A temporary password (first login or reset): set your own") \
	X(M_LOGIN_TOO_SHORT, "密码至少 %d 个字符", "At least %d characters") \
	X(M_LOGIN_MISMATCH, "两次输入的密码不一致，请再输一遍", "The two passwords differ; type it again") \
	X(M_LOGIN_HINT, "输入账号和密码后按 Enter 或 F10 登录。", "Type the account and password, then Enter or F10.") \
	X(M_LOGIN_SET_HINT, "输入新密码两遍后按 Enter；Esc 放弃。", "Type the new password twice, then Enter; Esc cancels.") \
	X(M_IDLE_LOGOUT, "闲置超过 %d 分钟，已自动退出登录。", "Idle for %d minutes: logged out.") \
	X(M_SESSION_ENDED, "会话已结束：%s", "Session ended: %s") \
	X(M_DB_BUSY, "数据库正忙（另一窗口正在写入），请稍候……最多等待 10 秒", "The database is busy (another counter is writing): waiting, 10 s at most") \
	X(M_CLOCK_SCALE_PRODUCTION, "JZZ_TEST_CLOCK_SCALE 仅用于培训库或演练库，正式数据库不接受", "JZZ_TEST_CLOCK_SCALE is for training and rehearsal databases only, never production") \
	X(M_REAL_DATE_ONLY, "正式数据库只能按当天日期办理；演练请用 jzz init --rehearsal 建立的数据库", "A production database works on the real date only; rehearse on a database made by jzz init --rehearsal") \
	X(M_DB_OPEN_FAIL, "jzz: 无法打开数据库：%s", "jzz: cannot open the database: %s") \
	/* home */ \
	X(M_HOME_TITLE, "首页", "Home") \
	X(M_HOME_BUSINESSES, "业务（按数字键开始）", "Businesses (press the key)") \
	X(M_HOME_QUEUES, "本中心待办", "Work queues of this centre") \
	X(M_Q_MADE, "已制证待到证", "Cards made, awaiting arrival") \
	X(M_Q_RECEIVED, "已到证待领取", "Cards at the centre, awaiting pickup") \
	X(M_Q_WINDOW, "进入签注期", "Permits in the endorsement window") \
	X(M_Q_EMPTY, "（无）", "(none)") \
	X(M_Q_MORE, "……另有 %zu 项", "... %zu more") \
	X(M_Q_NOTICE_DUE, "通知期限 %s", "notice due %s") \
	X(M_Q_OVERDUE, "已逾期", "OVERDUE") \
	X(M_Q_SUSPENDED, "已中止", "SUSPENDED") \
	X(M_Q_VALID_UNTIL, "有效期至 %s", "valid until %s") \
	X(M_Q_MADE_ON, "制证 %s", "made %s") \
	X(M_Q_RECEIVED_ON, "到证 %s", "arrived %s") \
	X(M_HOME_HINT, "↑↓ 选择待办，Enter 查看该人；F2 按身份证号查人。", "Up/Down picks a queue item, Enter opens the person; F2 looks up an ID number.") \
	X(M_HOME_USER, "%s（%s） 中心 %s  工作日 %s", "%s (%s)  centre %s  day %s") \
	X(M_ROLE_CLERK, "受理员", "clerk") \
	X(M_ROLE_SUPERVISOR, "主管", "supervisor") \
	X(M_ROLE_TRAINER, "培训员", "trainer") \
	X(M_ROLE_ADMIN, "管理员", "administrator") \
	X(M_SUPERVISOR_ONLY, "仅主管", "supervisor") \
	/* lookup / person */ \
	X(M_LOOKUP_TITLE, "人员查询", "Person look-up") \
	X(M_LOOKUP_PROMPT, "身份证号", "ID number") \
	X(M_LOOKUP_NOT_FOUND, "没有此人的记录", "No record of this person") \
	X(M_LOOKUP_FIND, "身份证号/姓名/回执号", "ID no. / name / receipt") \
	X(M_LOOKUP_WHAT, "输入身份证号、姓名或回执号后按 Enter；同名者按出生日期和身份证号区分", "Type an ID number, a name or a receipt number, then Enter; namesakes are told apart by birth date and ID number") \
	X(M_LOOKUP_HITS, "同名 %zu 人（↑↓ 选择，Enter 打开）", "%zu with this name (Up/Down, Enter opens)") \
	X(M_LOOKUP_NO_RECEIPT, "没有此回执号的申请", "No application has this receipt number") \
	X(M_PERSON_TITLE, "人员信息", "Person") \
	X(M_P_NAME, "姓名", "Name") \
	X(M_P_IDNUM, "身份证号", "ID number") \
	X(M_P_PHONE, "电话", "Phone") \
	X(M_P_BIRTH, "出生日期", "Born") \
	X(M_P_REG, "居住登记", "Registration") \
	X(M_P_REG_LINE, "%s 登记，有效期至 %s", "registered %s, valid until %s") \
	X(M_P_REG_EXPIRED, "（已过期）", " (expired)") \
	X(M_P_NONE, "无", "none") \
	X(M_P_PERMIT, "居住证", "Permit") \
	X(M_P_PERMIT_LINE, "%s，有效期 %s 至 %s，签注期自 %s", "%s, valid %s to %s, endorsement window from %s") \
	X(M_P_CARD, "卡片", "Card") \
	X(M_P_CARD_LINE, "%s，回执号 %s，制证日 %s", "%s, receipt %s, made on %s") \
	X(M_P_HISTORY, "办理记录", "History") \
	X(M_P_OPEN, "未办结申请（材料不全）", "Open applications (incomplete)") \
	X(M_P_HINT, "按业务数字键为此人办理；F4 到证登记；F5 登记已邮寄。", "A business key serves this person; F4 card arrived; F5 card posted.") \
	X(M_ST_NONE, "无", "none") \
	X(M_ST_PROCESSING, "制证中", "in production") \
	X(M_ST_VALID, "有效", "valid") \
	X(M_ST_SUSPENDED, "已中止（逾期未签注）", "suspended (not endorsed)") \
	X(M_ST_CANCELLED, "已注销", "cancelled") \
	X(M_CARD_NONE, "无", "none") \
	X(M_CARD_ACCEPTED, "已受理", "accepted") \
	X(M_CARD_TRANSFERRED, "材料已流转", "materials transferred") \
	X(M_CARD_REVIEWED, "已审核", "reviewed") \
	X(M_CARD_MADE, "已制证，待到证", "made, awaiting arrival") \
	X(M_CARD_RECEIVED, "已到证，待领取", "at the centre, awaiting pickup") \
	X(M_CARD_PICKED_UP, "已领取", "picked up") \
	X(M_CARD_POSTED, "已邮寄", "posted") \
	X(M_CARD_VOID, "已作废", "void") \
	X(M_V_ACCEPT, "受理", "accepted") \
	X(M_V_INCOMPLETE, "材料不全", "incomplete") \
	X(M_V_REFUSE, "不予受理", "refused") \
	/* card arrived */ \
	X(M_RECV_TITLE, "到证登记", "Card arrived at the centre") \
	X(M_RECV_DONE, "已登记到证：%s（回执号 %s），领证通知须于 %s 前发出。", "Recorded: card of %s (receipt %s) arrived; pickup notice due by %s.") \
	X(M_POSTED_DONE, "已登记邮寄送证（回执号 %s）。", "Recorded: card posted (receipt %s).") \
	X(M_POSTED_STATE, "此人没有可邮寄的卡片（须已到证且选择邮寄）", "No card of this person can be posted") \
	X(M_RECV_STATE, "此人没有已制成待到证的卡片", "This person has no made card awaiting arrival") \
	/* status query */ \
	X(M_STATUS_TITLE, "办理进度查询", "Status query") \
	X(M_STATUS_NAME, "姓名", "Name") \
	X(M_STATUS_NOT_FOUND, "查无记录：姓名与身份证号不符或没有申请。", "Nothing found: the name does not match the ID number, or there is no application.") \
	X(M_STATUS_LAST, "最近业务", "Last business") \
	X(M_STATUS_CARD, "卡片状态", "Card") \
	X(M_STATUS_READY, "预计制证完成", "Card ready on") \
	X(M_STATUS_PERMIT, "居住证状态", "Permit") \
	X(M_STATUS_VALID, "有效期至", "Valid until") \
	/* flow */ \
	X(M_PAGE_APPLICANT, "申请人", "Applicant") \
	X(M_PAGE_HOUSING, "住房", "Housing") \
	X(M_PAGE_DETAILS, "办理事项", "Details") \
	X(M_PAGE_DOCS, "材料", "Documents") \
	X(M_PAGE_REVIEW, "核对", "Review") \
	X(M_F_IDNUM, "身份证号", "ID number") \
	X(M_F_NAME, "姓名", "Name") \
	X(M_F_PHONE, "手机号", "Mobile") \
	X(M_F_HUKOU, "本市户籍", "Shanghai hukou") \
	X(M_F_LIVES, "在本市实际居住", "Lives in Shanghai") \
	X(M_F_MOBILITY, "行动不便", "Impaired mobility") \
	X(M_F_DISABLED, "残疾人", "Disabled") \
	X(M_F_ADDR_CHANGED, "现住址与登记地址不一致", "Address changed") \
	X(M_F_AGENT, "代办", "Agent") \
	X(M_F_AGENT_ID, "代办人身份证号", "Agent ID number") \
	X(M_F_AGENT_REL, "代办人关系", "Agent's relation") \
	X(M_F_AGENT_NAME, "代办人姓名", "Agent's name") \
	X(M_F_POST_ADDR, "邮寄地址", "Postal address") \
	X(M_F_ADDR_STREET, "居住地 街道/镇", "Address: street/town") \
	X(M_F_ADDR_ROAD, "　路（村）", "  road (village)") \
	X(M_F_ADDR_LANE, "　弄", "  lane") \
	X(M_F_ADDR_NUMBER, "　号", "  number") \
	X(M_F_ADDR_ROOM, "　室", "  room") \
	X(M_ROAD_HINT, "已有道路（→ 补全为第一个）：", "Roads on record (→ completes to the first): ") \
	X(M_F_TENURE, "住房类型", "Tenure") \
	X(M_F_USE, "产证用途", "Certified use") \
	X(M_F_HREL, "产权/承租人关系", "Owner/tenant relation") \
	X(M_F_MANAGED, "位于居住物业管理区域", "In a managed residential estate") \
	X(M_F_LEASED_TO, "租赁给", "Leased to") \
	X(M_F_DELIVERY, "领证方式", "Delivery") \
	X(M_F_IN_SH, "邮寄地址在本市", "Postal address in Shanghai") \
	X(M_F_FAST, "快证事由", "Fast-track reason") \
	X(M_F_FAST_TEXT, "事由说明", "Reason text") \
	X(M_F_PERSONAL, "个人原因", "Personal reason") \
	X(M_F_FEE_NO, "定额收据号", "Fee receipt no.") \
	X(M_F_CHANGE, "变更项目", "Change of") \
	X(M_F_CHANGE_ON, "变更日期", "Changed on") \
	X(M_F_NEW_VALUE, "变更后内容", "New value") \
	X(M_F_CANCEL_REASON, "注销原因", "Reason") \
	X(M_F_CANCEL_NOTE, "情况说明", "Note") \
	X(M_CANCEL_NOT_RESIDENT, "实际不在本市居住", "not living in Shanghai") \
	X(M_CANCEL_FALSE_MATERIALS, "用虚假材料骗领", "obtained with false materials") \
	X(M_UNSET, "请选择", "choose") \
	X(M_YES, "是", "yes") \
	X(M_NO, "否", "no") \
	X(M_AGENT_NONE, "无（本人办理）", "none (in person)") \
	X(M_REL_OTHER, "其他（非近亲属）", "other (not near)") \
	X(M_READONLY, "（已有记录，只读）", "(on record, read-only)") \
	X(M_KNOWN_PERSON, "已有记录：%s", "On record: %s") \
	X(M_NEW_PERSON, "新人员：请录入姓名", "New person: enter the name") \
	X(M_PERMIT_INFO, "居住证有效期至 %s（%s）", "Permit valid until %s (%s)") \
	X(M_REG_INFO, "居住登记于 %s", "Registered on %s") \
	X(M_REREG_WARN, "[注意] 此人已有有效居住登记（%s 登记，有效至 %s）。重新登记后，可申领居住证的日期（REG-3）由 %s 后延至 %s。", \
	  "[Note] This person holds a valid registration (of %s, valid until %s). Registering again moves the day a permit may be applied for (REG-3) from %s to %s.") \
	X(M_CANCEL_ASK, "注销 %s 的居住证，注销后不能恢复。确定注销吗？（y 或 Enter 注销 / n 返回）", \
	  "Cancel the residence permit of %s? It cannot be undone. (y or Enter cancel / n back)") \
	X(M_REREG_ASK, "此人已有有效居住登记，重新登记将后延申领居住证的日期。确定重新登记吗？（y 或 Enter 登记 / n 返回）", \
	  "This person holds a valid registration; registering again moves the permit date later. Register again? (y or Enter register / n back)") \
	X(M_ADDR_CHANGED_KNOWN, "登记后住址已变更", "address changed since registration") \
	X(M_LAST_REFUSED, "[注意] 上次%s（%s）不予受理：%s", "[Note] The last %s (%s) was refused: %s") \
	X(M_REVIEW_FEE, "工本费：%d 元", "Fee: %d yuan") \
	X(M_REVIEW_NO_FEE, "免收工本费", "No fee") \
	X(M_REVIEW_COD, "快递费：%d 元（货到付款）", "Courier: %d yuan on delivery") \
	X(M_REVIEW_READY, "制证完成：%s", "Card ready: %s") \
	X(M_REVIEW_VALID, "签注后有效期至：%s", "Valid after endorsement until: %s") \
	X(M_CHOICE_HINT, "选项：", "Options: ") \
	X(M_CHOICE_KEYS, "按数字/字母选择，←→ 或空格切换", "digit/letter picks, Left/Right or Space cycles") \
	X(M_DOCS_HINT, "本案所需材料（空格勾选已收到的，并移到下一件）：", "Documents this case needs (Space ticks what was handed over and moves on):") \
	X(M_DOCS_KEYS, "空格 勾选/取消并移到下一件；↑↓ 移动；PgDn 下一步", "Space ticks/unticks and moves on; Up/Down moves; PgDn next") \
	X(M_DOCS_ALT, "（可替代）", " (alternative)") \
	X(M_DOCS_NONE, "本业务无需材料", "No documents needed") \
	X(M_DOCS_EXTRA, "（已勾选，本案不需要）", " (ticked, not needed)") \
	X(M_ERR_SUMMARY, "有 %d 处需要更正：", "%d field(s) to correct:") \
	X(M_ERR_ITEM, " %s：%s；", " %s: %s;") \
	X(M_ERR_REQUIRED, "必填", "required") \
	X(M_ERR_FEE_USED, "此定额收据号已用过，请核对收据", "receipt number already used: check the receipt") \
	X(M_ERR_NOT_OPTION, "所按的键不是本项的选项，未采用（本项用数字键或空格选择）", \
	  "that key is none of this question's options: not taken (pick with its digit or Space)") \
	X(M_ERR_NAME_LONG, "姓名最多 30 个字，请核对（不会截断）", "at most 30 characters: please check (it is not cut)") \
	X(M_ERR_PHONE, "手机号应为 11 位数字", "11 digits expected") \
	X(M_ERR_DATE, "日期格式为 YYYY-MM-DD，且须为真实日期", "a real date YYYY-MM-DD expected") \
	X(M_ERR_DATE_FUTURE, "日期不能晚于今天", "must not be after today") \
	X(M_RULES_TITLE, "规则判定", "Rules") \
	X(M_RULES_PENDING, "待录入：%s", "To fill in: %s") \
	X(M_RULES_ALL_PASS, "各项规则均通过", "Every rule passes") \
	X(M_DECISION, "当前结论：", "Decision: ") \
	X(M_RULE_FAIL, "不符", "FAIL") \
	X(M_RULE_MISSING, "缺材料", "MISSING") \
	X(M_RULE_WARN, "提示", "WARN") \
	X(M_ESC_LOSE, "放弃本次录入的内容吗？（y 或 Enter 放弃 / n 继续）", "Discard what was typed? (y or Enter discard / n keep)") \
	X(M_QUIT_ASK, "退出受理终端吗？（y 或 Enter 退出 / n 留下）", "Quit the terminal? (y or Enter quit / n stay)") \
	X(M_REVIEW_TITLE, "核对申请信息", "Review the application") \
	X(M_REVIEW_HINT, "按左侧字母修改该项；F10 提交。", "Press the letter to change an answer; F10 submits.") \
	X(M_REVIEW_DECISION, "提交后结论：%s", "On submitting: %s") \
	X(M_TRAINER_NO_SUBMIT, "培训员账号只能演示和查询，不能提交业务（F10 不会写入）；办理请用受理员账号登录。", \
	  "A trainer's account demonstrates and looks up: it cannot submit (F10 writes nothing); log in as a clerk to do business.") \
	X(M_SUBMIT_DENIED, "未提交：本账号的角色不能办理此业务（培训员只能查询）。", "Not submitted: this account's role may not do this business.") \
	X(M_SUBMIT_NO_CARD, "未提交：此人没有在本中心待领取的卡片。", "Not submitted: no card of this person awaits pickup at this centre.") \
	X(M_SUBMIT_FAIL, "提交失败：%s", "Submission failed: %s") \
	X(M_SUBMIT_UNREACHABLE, "无法连接数据库服务器（表单已保留），网络或服务器恢复后按 F10 重试：%s", "Cannot reach the database server (the form is kept): press F10 again once it is back: %s") \
	/* result screens */ \
	X(M_REFUSE_TITLE, "不予受理告知", "Refusal") \
	X(M_INCOMPLETE_TITLE, "材料补正告知", "Documents missing") \
	X(M_RULE_LINE, "规则 %s", "Rule %s") \
	X(M_CITATION, "依据：", "Source: ") \
	X(M_NEXT_STEP, "下一步：", "Next step: ") \
	X(M_NEXT_ELIGIBLE, "%s 起可再来申领。", "Come back from %s.") \
	X(M_NEXT_WINDOW, "签注期自 %s 起开放，届时再来办理。", "The endorsement window opens on %s; come back then.") \
	X(M_NEXT_BRING, "请备齐以下材料后再来：", "Bring these documents and come back:") \
	X(M_RECORDED_AS, "申请已记录，编号 %s", "Application recorded, id %s") \
	/* receipt */ \
	X(M_RECEIPT_TITLE, "受理回执", "Receipt") \
	X(M_P_ADDRESS, "居住地址", "Address") \
	X(M_P_ADDR_LINE, "%s%s（自 %s）", "%s%s (since %s)") \
	X(M_P_ADDR_EARLIER, "以往地址", "Earlier") \
	X(M_TODAY_TITLE, "今日受理", "Today's applications") \
	X(M_TODAY_MINE, "%s 本人（%s）受理 %zu 件", "%s: the applications of %s, %zu") \
	X(M_TODAY_ALL, "%s 全中心（%s）受理 %zu 件", "%s: every application of centre %s, %zu") \
	X(M_TODAY_HINT, "↑↓ 选择，Enter 查看该人；F5 切换本人/全中心", "Up/Down picks, Enter opens the person; F5 mine / the whole centre") \
	X(M_HELP_TODAY, "今日受理：当天本人受理的申请（F5 切换为全中心所有受理员的申请），按受理时间排列，显示姓名、脱敏身份证号、业务、结论和回执号；↑↓ 选择，Enter 打开该人档案。", \
	  "Today's applications: the clerk's own of the day of work (F5: every clerk's of the centre), in the order they were made, with name, masked ID number, business, decision and receipt number; Up/Down picks, Enter opens the person.") \
	X(M_PHONED_DONE, "已记录：%s 的领证通知已电话告知", "Recorded: the holder of %s was told by phone") \
	X(M_PHONED_STATE, "此人没有在本中心待领的证件", "No card of this person is waiting at this centre") \
	X(M_RC_SAVED, "回执已保存：%s", "Receipt saved: %s") \
	X(M_RC_SAVE_FAIL, "回执未能保存：%s", "Receipt not saved: %s") \
	X(M_RC_PRINTED, "已送打印机 %s", "sent to printer %s") \
	X(M_RC_PRINT_FAIL, "打印失败（%s）", "printing failed (%s)") \
	X(M_RC_NO_PRINTER, "未配置打印机（JZZ_PRINTER）", "no printer configured (JZZ_PRINTER)") \
	X(M_RESULT_HINT, "Enter 返回首页；Esc 回到表单修改（已录入内容保留）；F2 下一位办同一事项，首页的数字键直接开始其他事项。", "Enter returns home; Esc goes back to the form (everything kept); F2 the same business for the next applicant, the home screen's digits start another.") \
	X(M_RC_DONE_HINT, "Enter 或 Esc 返回首页；F2 下一位办同一事项，首页的数字键直接开始其他事项。", "Enter or Esc returns home; F2 the same business for the next applicant, the home screen's digits start another.") \
	X(M_FK_NEXT_BIZ, "下一位", "Next applicant") \
	/* help */ \
	X(M_HELP_TITLE, "帮助", "Help") \
	X(M_HELP_KEYS, \
	  "Tab/Enter 下一项  Shift-Tab 上一项  PgDn 下一页  PgUp 上一页\n" \
	  "Esc 返回（有未保存内容时先询问）  F10 确认（按钮写明动作）\n" \
	  "终端收不到 F 键时：先按 Esc 再按数字，Esc 1 = F1 … Esc 0 = F10\n" \
	  "F6 切换中文/English  颜色仅作辅助，含义均有文字（支持 NO_COLOR）", \
	  "Tab/Enter next field  Shift-Tab previous  PgDn next page  PgUp previous\n" \
	  "Esc back (asks first if something would be lost)  F10 confirm (named action)\n" \
	  "If F-keys do not reach the terminal: Esc then a digit, Esc 1 = F1 ... Esc 0 = F10\n" \
	  "F6 switches Chinese/English  colour only helps, every meaning is in words (NO_COLOR)") \
	X(M_HELP_HOME, "首页：数字键直接开始业务；下方为本中心三类待办，↑↓ 选择，Enter 查看该人。F2 查人（身份证号、姓名或回执号），F3 进度查询，F4 到证登记，F10 今日受理；主管和管理员 F5 日报，管理员 F7 账号管理，培训模式下培训员和管理员 F8 培训工具。任何一屏 F9 注销，首页 Esc 退出。", \
	  "Home: a digit starts a business; below are the centre's three work queues, Up/Down to pick, Enter to open. F2 finds a person (ID number, name or receipt), F3 status query, F4 card arrived, F10 today's applications; F5 the report (supervisors, administrators), F7 accounts (administrators), F8 trainer tools (training mode). F9 logs out on every screen; Esc here quits.") \
	X(M_HELP_FLOW, "受理流程：逐页填写；身份证号录满 18 位且有效即自动跳到下一项（随后的 Enter 不再跳）；已有记录时自动带出姓名、上次的代办人等，姓名只读。右侧/下方规则栏随时显示结论和每条不符或缺材料的规则。材料页用空格勾选实际收到的材料，光标随即移到下一件。PgDn 下一页时检查本页，错误列在顶部并标在字段旁。最后一页后进入核对，F10 提交。", \
	  "A business: fill each page; an ID number moves on by itself at its 18th valid character (an Enter right after it does not move again); one on record fills in the name (read-only), the last agent and more. The rules panel always shows the decision and each failing or missing rule. On the documents page Space ticks what was handed over and moves to the next. PgDn checks the page; errors are listed on top and beside each field. After the last page comes the review; F10 submits.") \
	X(M_HELP_LOGIN, "登录：输入账号和密码。连续输错 5 次账号锁定 15 分钟。首次登录或密码被重置后先设置新密码（至少 8 个字符）。培训模式下列出培训账号和密码。", \
	  "Log in with your account and password. Five failures in a row lock the account for 15 minutes. At the first login, or after a reset, set a new password (8 characters or more) first. Training mode lists the training accounts.") \
	X(M_HELP_LOOKUP, "人员查询：输入 18 位身份证号（全角数字、ｘ 自动转换）、姓名或回执号，按 Enter。按姓名时列出所有同名者（出生日期、脱敏身份证号、现住址），↑↓ 选择，Enter 显示此人的档案。", \
	  "Person look-up: type the 18-character ID number (full-width digits and ｘ are converted), a name or a receipt number, then Enter. A name lists every namesake (birth date, masked ID number, address): Up/Down, Enter shows the person's card.") \
	X(M_HELP_PERSON, "人员档案：居住登记、居住证及其状态、最新卡片、未办结申请和办理记录。按业务数字键为此人办理（身份证号已填好）；F4 登记卡片到证；F5 登记已邮寄送证。", \
	  "The person's card: registration, permit and its state, the latest card, open applications and history. A business key serves this person (ID number filled in); F4 card arrived; F5 card posted.") \
	X(M_HELP_STATUS, "进度查询：输入姓名和身份证号，两者一致才显示结果（与热线查询相同）。", \
	  "Status query: the name and the ID number must both match (as on the hotline).") \
	X(M_HELP_RECEIVED, "到证登记：卡片送到本中心时，逐张输入持证人身份证号按 Enter；系统给出领证通知期限（2 个工作日，PERMIT-3）。已电话通知持证人领证的，输入其身份证号按 F5。", \
	  "Card arrived: type each holder's ID number and press Enter as the cards arrive; the pickup notice is due within 2 working days (PERMIT-3). F5 records that the holder of the number typed was told by phone.") \
	X(M_HELP_RECEIPT, "受理回执：已保存为 PDF（A4）并在旁边存一份文本副本，配置打印机（JZZ_PRINTER）时已打印 PDF；F5 再保存一份并打印；F6 切换语言；Enter 回首页。之后可用 jzz receipt 回执号 补打。", \
	  "The receipt is saved as an A4 PDF with a text copy beside it, and the PDF printed when JZZ_PRINTER is set; F5 saves another copy and prints it; F6 switches language; Enter returns home. Reprint it later with jzz receipt RECEIPT_NO.") \
	X(M_NT_SAVED, "一次性告知书已保存：%s", "One-time notice saved: %s") \
	X(M_FK_NOTICE, "打印告知书", "Print notice") \
	X(M_RP_SHEET_SAVED, "日报已保存：%s", "Daily sheet saved: %s") \
	X(M_FK_SHEET, "打印日报", "Print sheet") \
	X(M_FK_MORE, "续列名单", "More rows") \
	X(M_HELP_RESULT, "不予受理/补正告知：逐条读给申请人听——规则、依据、下一步。申请已记录。F5 保存并打印《一次性告知书》（PDF）交申请人；Enter 回首页；Esc 回到表单。", \
	  "Refusal or missing documents: read each rule, its source and the next step to the applicant. The application is recorded. F5 saves and prints the one-time notice (PDF) for the applicant; Enter home; Esc back to the form.") \
	X(M_HELP_GENERIC, "Esc 返回上一屏。", "Esc goes back.") \
	X(M_HELP_CLOSE, "按任意键关闭帮助。", "Press any key to close the help.") \
	/* issue 5: the supervisors' report */ \
	X(M_FK_REPORT, "日报", "Report") \
	X(M_FK_ACCOUNTS, "账号", "Accounts") \
	X(M_FK_TRAINER, "培训", "Trainer") \
	X(M_FK_CENTRE, "中心", "Centre") \
	X(M_FK_EXPORT, "导出", "Export") \
	X(M_FK_NEW, "新建", "New") \
	X(M_FK_ENABLE, "停用/启用", "Disable/enable") \
	X(M_FK_RESET_PW, "重置密码", "Reset password") \
	X(M_FK_IDLE, "闲置时限", "Idle limit") \
	X(M_FK_SET_DAY, "设工作日", "Set day") \
	X(M_FK_RESET_DB, "重置培训库", "Reset training") \
	X(M_ONLY_SUPERVISOR, "日报仅限主管和管理员。", "The report is for supervisors and administrators only.") \
	X(M_ONLY_ADMIN, "账号管理仅限管理员。", "Accounts are for administrators only.") \
	X(M_ONLY_TRAINER, "培训工具仅限培训模式下的培训员和管理员。", "Trainer tools: trainers and administrators, in training mode only.") \
	X(M_REPORT_TITLE, "主管日报", "Supervisor's daily report") \
	X(M_RP_HEAD, "日期 %s   范围 %s", "Day %s   scope %s") \
	X(M_RP_ALL, "全区（所有中心）", "whole district (every centre)") \
	X(M_RP_HINT, "←→ 换日期  键入日期后 Enter  F3 中心/全区  ↑↓ PgUp PgDn 滚动  F5 导出", \
	  "Left/Right day  date+Enter  F3 centre/all  Up/Down/PgUp/PgDn scroll  F5 export") \
	X(M_RP_DATE_PROMPT, "日期：", "Date: ") \
	X(M_RP_SUMMARY, "合计：申请 %d 件，其中受理 %d、材料不全 %d、不予受理 %d", "Total: %d applications: %d accepted, %d incomplete, %d refused") \
	X(M_RP_BY_BUSINESS, "按业务与结论", "By business and decision") \
	X(M_RP_BY_CLERK, "按受理员", "By clerk") \
	X(M_RP_BY_CENTRE, "按中心", "By centre") \
	X(M_RP_FEES, "工本费（定额收据号）", "Fees (receipt-book numbers)") \
	X(M_RP_FEES_TOTAL, "窗口收费 %d 元；快递代收 %d 元（PERMIT-5）", "Collected at the counter %d yuan; paid to couriers %d yuan (PERMIT-5)") \
	X(M_RP_FEE_LINE, "%s  %s  %s  %d 元%s  收据 %s", "%s  %s  %s  %d yuan%s  receipt book %s") \
	X(M_RP_FEE_LINE2, "回执 %s  %s", "receipt %s  %s") \
	X(M_RP_COD, "（货到付款）", " (COD)") \
	X(M_RP_FAST, "快证：申请 %d 件，受理 %d 件", "Fast track: %d applications, %d accepted") \
	X(M_RP_CARDS, "到证 %d 张，领取/邮寄 %d 张", "Cards arrived %d, handed over %d") \
	X(M_RP_RULES, "不符与缺材料（按规则）", "Refusals and missing documents by rule") \
	X(M_RP_RULE_LINE, "不符 %d  缺材料 %d  提示 %d", "fail %d  missing %d  warn %d") \
	X(M_RP_DOCS, "缺少的材料", "Documents missing") \
	X(M_RP_OVERDUE, "领证通知逾期（PERMIT-3）", "Pickup notices overdue (PERMIT-3)") \
	X(M_RP_OVERDUE_LINE, "到证 %s，通知期限 %s，逾期 %d 天", "arrived %s, notice due %s, %d days late") \
	X(M_RP_WINDOW, "进入签注期", "In the endorsement window") \
	X(M_RP_WINDOW_LINE, "有效期至 %s，剩 %d 天", "valid until %s, %d days left") \
	X(M_RP_SUSPENDED, "已中止（逾期未签注）", "Suspended (not endorsed)") \
	X(M_RP_SUSPENDED_LINE, "有效期至 %s，已过 %d 天 %s", "valid until %s, %d days past %s") \
	X(M_RP_AUTO_FAILED, "自动签注未成功", "Automatic endorsement failed") \
	X(M_RP_AUTO_LINE, "有效期至 %s，批处理 %s：%s", "valid until %s, batch of %s: %s") \
	X(M_RP_VERDICTS, "受理 %d / 不全 %d / 不予 %d", "acc %d / inc %d / ref %d") \
	X(M_RP_NONE, "（无）", "(none)") \
	X(M_RP_PARTIAL, "已列出 %zu 人，共 %zu 人；F7 续列 %d 人", "%zu of %zu listed; F7 lists %d more") \
	X(M_RP_FEES_PARTIAL, "已列出 %zu 笔，共 %zu 笔；F7 续列 %d 笔", "%zu of %zu fee lines listed; F7 lists %d more") \
	X(M_RP_EXPORTED, "已导出：%s", "Exported: %s") \
	X(M_RP_EX_TITLE, "导出报表", "Export the report") \
	X(M_RP_EX_FORMAT, "格式", "Format") \
	X(M_RP_EX_BOM, "CSV 加 BOM", "CSV with BOM") \
	X(M_RP_EX_BOM_NOTE, "（Excel、WPS 打开 CSV 时可认出中文）", "(lets Excel and WPS read Chinese in a CSV)") \
	X(M_RP_EX_BOM_NA, "（仅 CSV）", "(CSV only)") \
	X(M_RP_EX_FROM, "起始日期", "From") \
	X(M_RP_EX_TO, "截止日期", "To") \
	X(M_RP_EX_YES, "是", "yes") \
	X(M_RP_EX_NO, "否", "no") \
	X(M_RP_EX_FILE, "文件：%s", "File: %s") \
	X(M_RP_EX_DIR, "存于：%.*s", "In: %.*s") \
	X(M_RP_EX_HINT, "↑↓ 换项  ←→ 或空格 切换  Enter 导出  Esc 取消", \
	  "Up/Down item  Left/Right or Space change  Enter export  Esc cancel") \
	X(M_RP_EX_BAD_RANGE, "起始日期不能晚于截止日期。", "From must not be after To.") \
	X(M_RP_EXPORT_FAIL, "导出失败：%s", "Export failed: %s") \
	X(M_RP_FAIL, "无法生成日报：%s", "No report: %s") \
	X(M_HELP_REPORT, "主管日报：某一天、某一中心或全区的申请（按业务与结论、受理员、中心）、工本费及收据号、快证、按规则统计的不符与缺材料、逾期的领证通知、签注期内/已中止/自动签注未成功的居住证。条形图旁均写明数字。←→ 换日期，也可直接键入 YYYY-MM-DD 后按 Enter；F3 切换中心和全区；人员名单较长时先列出前 50 人，F7 续列下 50 人；F5 导出：选择 CSV（可加 BOM）或 Excel 工作簿（xlsx），以及起止日期，文件存入导出文件夹。", \
	  "The supervisor's report: one day, one centre or the whole district: applications by business and decision, by clerk, by centre; fees with receipt numbers; fast track; refusals and missing documents by rule; overdue pickup notices; permits in the window, suspended, not auto-endorsed. Every bar has its number. Left/Right changes the day, or type YYYY-MM-DD and Enter; F3 centre or district; a long list of persons shows its first 50, F7 the next 50; F5 exports: CSV (with a BOM or not) or an Excel workbook (xlsx), for a day or a range of days, into the export folder.") \
	/* issue 5: accounts */ \
	X(M_ACCOUNTS_TITLE, "账号管理", "Accounts") \
	X(M_AC_HEAD, "账号              角色            中心       状态", "Account           Role            Centre     State") \
	X(M_AC_ACTIVE, "正常", "active") \
	X(M_AC_NO_PW, "待改密码", "to set own password") \
	X(M_AC_DISABLED, "已停用", "disabled") \
	X(M_AC_LOCKED, "锁定至 %s", "locked until %s") \
	X(M_AC_IDLE, "闲置自动退出：%d 分钟", "Idle logout: %d minutes") \
	X(M_AC_HINT, "↑↓ 选择；F2 新建；F3 停用/启用；F4 重置密码；F5 闲置时限", "Up/Down picks; F2 new; F3 disable/enable; F4 reset password; F5 idle limit") \
	X(M_AC_NEW_USER, "新账号", "New account") \
	X(M_AC_ROLE, "角色（1 受理员 2 主管 3 培训员 4 管理员）", "Role (1 clerk 2 supervisor 3 trainer 4 admin)") \
	X(M_AC_CENTRE, "中心代码", "Centre code") \
	X(M_AC_IDLE_PROMPT, "闲置分钟数（1–480）", "Idle minutes (1-480)") \
	X(M_AC_FORM_HINT, "Tab 换项，Enter/F10 确认，Esc 取消", "Tab moves, Enter/F10 confirms, Esc cancels") \
	X(M_AC_ASK_DISABLE, "停用账号 %s 吗？（y 或 Enter 停用 / n 取消）", "Disable the account %s? (y or Enter disable / n cancel)") \
	X(M_AC_ASK_ENABLE, "启用账号 %s（并解锁）吗？（y 或 Enter 启用 / n 取消）", "Enable (and unlock) the account %s? (y or Enter enable / n cancel)") \
	X(M_AC_ASK_RESET, "重置账号 %s 的密码吗？下次登录时设新密码。（y 或 Enter 重置 / n 取消）", "Reset the password of the account %s? It is set at the next login. (y or Enter reset / n cancel)") \
	X(M_AC_ROLE_WRONG, "应为 1–4 之一（1 受理员 2 主管 3 培训员 4 管理员）", "must be one of 1-4 (1 clerk 2 supervisor 3 trainer 4 admin)") \
	X(M_AC_DONE, "已完成：%s %s", "Done: %s %s") \
	X(M_AC_FAIL, "未完成：%s", "Not done: %s") \
	X(M_AC_CREATED, "已创建", "created") \
	X(M_AC_TEMP_PASSWORD, "已完成：%s %s；临时密码 %s（只显示一次，请当面交给本人）", "Done: %s %s; temporary password %s (shown once; hand it over in person)") \
	X(M_AC_DISABLED_DONE, "已停用", "disabled") \
	X(M_AC_ENABLED_DONE, "已启用", "enabled") \
	X(M_AC_RESET_DONE, "密码已重置", "password reset") \
	X(M_AC_IDLE_DONE, "闲置时限已设定", "idle limit set") \
	X(M_HELP_ACCOUNTS, "账号管理（仅管理员）：列出所有账号及其角色、中心、状态（正常、待改密码、已停用、锁定至…）。F2 新建账号（账号、角色、中心）并显示一次临时密码，本人首次登录时改为自己的密码；F3 停用或启用（启用同时解锁）；F4 重置密码；F5 设定闲置自动退出的分钟数。", \
	  "Accounts (administrators): every account with role, centre and state (active, password to set, disabled, locked until...). F2 creates one (name, role, centre; its password is set at its first login); F3 disables or enables (enabling also unlocks); F4 resets the password; F5 sets the idle logout minutes.") \
	/* issue 5: scenarios */ \
	X(M_PLAY_STEP, "演示 %zu/%zu：%s", "Demo %zu/%zu: %s") \
	X(M_PLAY_END, "演示结束：%s。可继续操作，F9 退出。", "End of the demo: %s. Carry on, or F9 quits.") \
	X(M_PLAY_FAIL, "jzz: 演示账号 %s 无法使用：%s", "jzz: the demo account %s cannot be used: %s") \
	/* issue 5: trainer tools */ \
	X(M_TRAINER_TITLE, "培训工具", "Trainer tools") \
	X(M_TR_DAY, "当前工作日：%s", "Day of work: %s") \
	X(M_TR_PROMPT, "新工作日（YYYY-MM-DD，留空 = 今天的真实日期）", "New day of work (YYYY-MM-DD, empty = the real date)") \
	X(M_TR_HINT, "键入日期后 Enter 或 F10 设定；←→ 前后一天；F8 重置培训数据库（先询问）", "Type a date, Enter or F10 sets it; Left/Right a day before/after; F8 resets the training database (asks first)") \
	X(M_TR_SET, "工作日已设为 %s", "Day of work set to %s") \
	X(M_TR_ASK_RESET, "清空培训数据库并重新生成演示数据吗？（y 或 Enter 重置 / n 取消）", "Wipe the training database and make the demo data again? (y or Enter reset / n cancel)") \
	X(M_TR_RESET_DONE, "培训数据库已重置", "Training database reset") \
	X(M_TR_FAIL, "未完成：%s", "Not done: %s") \
	X(M_HELP_TRAINER, "培训工具（培训模式，培训员或管理员）：设定工作日（时光穿梭），所有业务按该日办理；F8 一键重置培训数据库（清空后重新生成演示账号和人员，先询问）。", \
	  "Trainer tools (training mode, trainer or administrator): set the day of work (time travel), every business is done as of that day; F8 resets the training database in one action (wiped, demo accounts and persons made again; asks first).") \
	X(M_ESC_PENDING, "Esc：按数字 = F 键，其他键 = 返回", "Esc: a digit = F-key, anything else = back")

enum msg_id {
#define UI_MSG_ENUM(id, zh, en) id,
	UI_MESSAGES(UI_MSG_ENUM)
#undef UI_MSG_ENUM
	M__COUNT
};

#endif
