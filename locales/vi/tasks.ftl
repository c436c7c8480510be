## Nhiệm vụ

cmd-task = Giao nhiệm vụ
cmd-tasks = Xem nhiệm vụ
cmd-review = Đánh giá nhiệm vụ đã xong
cmd-task-info = Xem chi tiết một nhiệm vụ
cmd-edit-task = Đổi hạn nhiệm vụ
cmd-cancel-task = Hủy nhiệm vụ

## Giao nhiệm vụ

task-usage =
    Cách giao nhiệm vụ: /task <người nhận> <nội dung> [hạn <ngày> [<giờ>]]
    Người nhận: @tên, số thứ tự trong /members (ví dụ #3), tên tổ (ví dụ “Tổ 1”) hoặc “cả chi bộ”; muốn ghi họ tên đầy đủ thì đặt trước dấu hai chấm.
    Ví dụ:
    /task @an Chuẩn bị báo cáo tình hình an ninh trật tự hạn thứ 5 tuần sau
    /task Nguyễn Văn An, Tổ 1: Vận động đóng góp quỹ khuyến học hạn cuối tháng 17h
    /task #3 Đi thăm gia đình chính sách | họp #2
task-title-empty = Xin ghi nội dung nhiệm vụ sau tên người nhận, ví dụ: /task @an Chuẩn bị báo cáo tình hình an ninh trật tự hạn 10/12.
task-title-too-long = Nội dung nhiệm vụ dài quá ({ $length } ký tự). Xin viết gọn lại, tối đa { $max } ký tự; Trợ lý không tự cắt bớt.
task-due-missing = Đồng chí ghi “hạn” nhưng chưa ghi ngày. Xin ghi thêm ngày, ví dụ: “hạn 10/12”, “hạn thứ 6 tuần sau” hoặc “hạn cuối tháng 17h”.
task-no-assignees = Xin cho biết giao cho ai: @tên, số thứ tự trong /members (ví dụ #3), tên tổ hoặc “cả chi bộ”, đặt ngay sau /task.
task-group-unknown = Chi bộ không có tổ đảng “{ $given }”. Các tổ của chi bộ: { $groups }.
task-group-empty = Tổ đảng này chưa có đảng viên nào để nhận nhiệm vụ. Xin thêm đảng viên vào tổ bằng /group add trước.
task-leader-outside-group = Tổ trưởng chỉ giao nhiệm vụ cho đảng viên trong tổ mình phụ trách. Không thuộc tổ của đồng chí: { $names }.
task-meeting-not-found = Không tìm thấy buổi sinh hoạt “{ $given }” của chi bộ. Xin xem số buổi bằng /meetings.
task-preview-header = 📌 Xem lại nhiệm vụ trước khi giao
task-preview-title = Nội dung: { $title }
task-preview-assignees = Giao cho { $count } đồng chí: { $names }
task-preview-weekly = 🔁 Mỗi tuần Trợ lý sẽ hỏi các đồng chí được giao: “Còn đang làm chứ?”
task-weekly-on-button = 🔁 Mỗi tuần hỏi “còn đang làm?”
task-weekly-off-button = 🔕 Thôi hỏi hằng tuần
task-preview-meeting = Theo kết luận buổi sinh hoạt #{ $ref }
task-preview-unreachable = ⚠️ { $count } đồng chí chưa mở trò chuyện riêng với Trợ lý; nhiệm vụ sẽ được nhắc trong nhóm chi bộ.
task-preview-ask = Đồng chí bấm “Giao nhiệm vụ” để gửi, hoặc “Thôi” để bỏ.
task-preview-confirm-button = ✅ Giao nhiệm vụ
task-preview-cancel-button = ✖️ Thôi
task-preview-dropped = Đã bỏ, nhiệm vụ chưa được giao.
task-preview-expired = Bản xem trước này đã quá hạn (để quá một ngày) nên đã được hủy. Xin đồng chí gõ lại lệnh /task để giao nhiệm vụ.
task-joiner-given = Đồng chí { $name } vào tổ nên cũng được giao { $count } nhiệm vụ đang làm của tổ: { $tasks }. Trợ lý đã gửi nhiệm vụ cho đồng chí ấy.
task-preview-already = Nhiệm vụ #{ $ref } đã được giao hoặc đã bỏ rồi.
task-giving = Đang gửi nhiệm vụ…
task-given = Đã giao nhiệm vụ #{ $ref } cho { $count } đồng chí: { $title }
task-unreachable-in-group = Chưa nhắn riêng được cho: { $names }. Trợ lý đã nhắc các đồng chí ấy trong nhóm chi bộ, kèm nút “Nhận nhắc riêng”.
task-unreachable-nowhere = Chưa nhắn riêng được cho: { $names }, và chi bộ chưa có nhóm để nhắc. Xin đồng chí báo trực tiếp.
task-and = và

## Tin nhắn gửi người nhận

task-new = 📌 Nhiệm vụ mới (đồng chí { $assigner } giao): { $title }
task-due-line = Hạn: { $due }.
task-due-none-line = Không có hạn cụ thể.
task-due-none = không có hạn
task-button-accept = ✅ Nhận nhiệm vụ
task-button-progress = 📝 Báo cáo tiến độ
task-button-done = 🏁 Đã xong
task-button-decline = ❌ Không thực hiện được
task-group-fallback = : đồng chí { $assigner } giao nhiệm vụ #{ $ref }: { $title }
task-group-fallback-hint = Trợ lý chưa nhắn riêng được cho các đồng chí. Xin bấm nút bên dưới để nhận nhiệm vụ, và bấm “Nhận nhắc riêng” để lần sau Trợ lý nhắn riêng.

## Nút của người nhận

task-accepted = Đã ghi nhận: đồng chí nhận nhiệm vụ #{ $ref }.
task-accepted-line = ✅ Đồng chí đã nhận nhiệm vụ. Khi xong, xin bấm “Đã xong”.
task-already-accepted = Đồng chí đã nhận nhiệm vụ #{ $ref } rồi.
task-already-done = Nhiệm vụ #{ $ref } đã được ghi nhận hoàn thành rồi.
task-already-declined = Đồng chí đã báo không thực hiện được nhiệm vụ #{ $ref }.
task-changed-meanwhile = Nhiệm vụ #{ $ref } vừa có thay đổi. Xin xem lại bằng /tasks.
task-press-cancelled = Nhiệm vụ #{ $ref } đã được hủy, đồng chí không cần làm nữa.
task-press-reassigned = Nhiệm vụ #{ $ref } đã được giao cho đồng chí khác.
task-press-declined = Đồng chí đã báo không thực hiện được nhiệm vụ #{ $ref }. Nếu có thay đổi, xin báo Bí thư chi bộ.
task-done-on-time = 🏁 Đã ghi nhận hoàn thành nhiệm vụ #{ $ref }, đúng hạn. Cảm ơn đồng chí!
task-done-late = 🏁 Đã ghi nhận hoàn thành nhiệm vụ #{ $ref } (sau hạn). Cảm ơn đồng chí!
task-decline-ask = Đồng chí không thực hiện được nhiệm vụ “{ $title }” vì lý do gì? Xin chọn một nút bên dưới.
task-reason-health = Lý do sức khỏe
task-reason-busy = Bận công việc
task-reason-away = Đi vắng
task-reason-other = Lý do khác (ghi rõ)
task-decline-other-chosen = Xin đồng chí ghi rõ lý do.
task-decline-other-ask = Xin đồng chí ghi ngắn gọn lý do không thực hiện được nhiệm vụ “{ $title }”.
task-decline-other-placeholder = Lý do
task-decline-reason-bad = Xin ghi lý do bằng chữ, tối đa { $max } ký tự.
task-declined = Đã ghi nhận: đồng chí không thực hiện được ({ $reason }). Trợ lý đã báo Bí thư chi bộ.
task-progress-ask = Xin đồng chí gửi báo cáo tiến độ nhiệm vụ “{ $title }”: gõ vài dòng hoặc gửi tin nhắn thoại.
task-progress-placeholder = Tiến độ công việc
task-progress-bad = Xin gửi báo cáo bằng chữ (tối đa { $max } ký tự) hoặc bằng tin nhắn thoại.
task-progress-recorded = Đã ghi nhận báo cáo tiến độ và chuyển cho người giao nhiệm vụ. Cảm ơn đồng chí!
task-progress-recorded-kept = Đã ghi nhận báo cáo tiến độ. Người giao nhiệm vụ sẽ xem được bằng /task_info.

## Báo cho người giao và Bí thư

task-declined-notice = ❌ Đồng chí { $name } không thực hiện được nhiệm vụ #{ $ref } “{ $title }”. Lý do: { $reason }.
task-reassign-button = 🔁 Giao cho đồng chí khác
task-reassign-pick = Giao nhiệm vụ #{ $ref } (thay đồng chí { $name }) cho đồng chí nào?
task-reassign-nobody = Không còn đảng viên nào khác để giao nhiệm vụ này.
task-reassign-not-declined = Đồng chí { $name } không báo từ chối nhiệm vụ này.
task-reassign-already = Nhiệm vụ #{ $ref } đã được giao cho đồng chí khác rồi.
task-reassigned = Đã giao nhiệm vụ cho đồng chí { $name }.
task-progress-notice = 📝 Đồng chí { $name } báo cáo tiến độ nhiệm vụ #{ $ref } “{ $title }”:
    { $report }
task-progress-notice-voice = 📝 Đồng chí { $name } gửi báo cáo tiến độ nhiệm vụ #{ $ref } “{ $title }” bằng tin nhắn thoại.
task-report-voice = (tin nhắn thoại)
task-evaluate-ask = 🏁 Đồng chí { $name } đã hoàn thành nhiệm vụ #{ $ref } “{ $title }” ({ $timing }). Xin đồng chí đánh giá:
task-timing-on-time = đúng hạn
task-timing-late = sau hạn
task-grade-button-good = 🌟 Tốt
task-grade-button-done = ✅ Hoàn thành
task-grade-button-not-done = ⚠️ Chưa đạt
task-grade-good = Tốt
task-grade-done = Hoàn thành
task-grade-not-done = Chưa đạt
task-evaluated = Đã ghi đánh giá “{ $grade }” cho đồng chí { $name }.
task-comment-ask = Đồng chí có muốn gửi thêm lời nhận xét cho đồng chí { $name } không? Xin gõ lời nhận xét, hoặc bấm “Thôi”.
task-comment-placeholder = Lời nhận xét
task-comment-bad = Xin ghi lời nhận xét bằng chữ, tối đa { $max } ký tự.
task-comment-recorded = Đã gửi lời nhận xét cho đồng chí { $name }.
task-refused-oversee = Chỉ Bí thư, Phó Bí thư, người giao nhiệm vụ hoặc Tổ trưởng của đồng chí ấy mới đánh giá được.
task-refused-manage = Chỉ Bí thư, Phó Bí thư hoặc người giao nhiệm vụ mới thay đổi được nhiệm vụ này.
task-refused-see = Đồng chí không theo dõi nhiệm vụ này. Đồng chí có thể xem nhiệm vụ của mình bằng /tasks.

## Phản hồi gửi đảng viên

task-feedback-good = 🌟 Đồng chí { $name } thân mến, nhiệm vụ “{ $title }” được đánh giá TỐT. Cảm ơn đồng chí đã hoàn thành xuất sắc; chi bộ ghi nhận sự đóng góp của đồng chí.
task-feedback-done = ✅ Đồng chí { $name } thân mến, nhiệm vụ “{ $title }” được đánh giá HOÀN THÀNH. Cảm ơn đồng chí đã dành thời gian và công sức cho công việc chung.
task-feedback-not-done = Đồng chí { $name } thân mến, nhiệm vụ “{ $title }” được đánh giá CHƯA ĐẠT. Chi bộ cảm ơn đồng chí đã cố gắng; nếu có khó khăn, đồng chí cứ trao đổi với Bí thư để lần sau làm tốt hơn.
task-feedback-corrected = (Đánh giá đã được điều chỉnh.)
task-feedback-comment = Lời nhận xét: { $comment }
task-feedback-comment-only = 💬 Đồng chí { $evaluator } gửi lời nhận xét về nhiệm vụ “{ $title }”: { $comment }
task-evaluator-unknown = Bí thư chi bộ

## /review

task-review-usage =
    Cách đánh giá: /review <số nhiệm vụ> [<đảng viên>] <tốt|hoàn thành|chưa đạt> [lời nhận xét]
    Ví dụ: /review 12 tốt Báo cáo đầy đủ, đúng hạn
    Nhiệm vụ giao cho nhiều đồng chí thì ghi thêm người: /review 12 @an hoàn thành
task-review-not-done = Đồng chí { $name } chưa báo xong nhiệm vụ này, nên chưa đánh giá được.
task-review-which = Nhiệm vụ #{ $ref } giao cho nhiều đồng chí. Xin ghi rõ đánh giá ai, ví dụ: /review { $ref } @tên tốt. Đã xong: { $names }.
task-review-not-assignee = Đồng chí { $name } không nhận nhiệm vụ #{ $ref }.
task-not-found = Không tìm thấy nhiệm vụ “{ $ref }” của chi bộ. Xin xem số nhiệm vụ bằng /tasks.
task-not-open = Nhiệm vụ #{ $ref } đã kết thúc hoặc đã hủy, không thay đổi được nữa.

## /tasks, /task_info, /edit_task, /cancel_task

tasks-header-cell = 📋 Nhiệm vụ của { $cell }
tasks-header-group = 📋 Nhiệm vụ của tổ đồng chí phụ trách ({ $cell })
tasks-header-mine = 📋 Đồng chí đang có { $count } nhiệm vụ:
tasks-section-overdue = ⏰ Quá hạn ({ $count }):
tasks-section-open = 🔸 Đang thực hiện ({ $count }):
tasks-section-awaiting = 🏁 Đã xong, chờ đánh giá ({ $count }):
tasks-section-done = ✅ Hoàn thành trong tháng ({ $count }):
tasks-line = #{ $ref } { $title } — hạn: { $due } — { $progress }
tasks-footer = Xem chi tiết: /task_info <số>. Đổi hạn: /edit_task <số> hạn <ngày>. Hủy: /cancel_task <số>.
tasks-none-cell = Chi bộ chưa có nhiệm vụ nào đang thực hiện. Giao nhiệm vụ bằng /task.
tasks-none-mine = Đồng chí không có nhiệm vụ nào đang chờ. Cảm ơn đồng chí!
tasks-my-state = Tình trạng: { $state }
task-progress-line = { $accepted }/{ $total } đã nhận, { $done } đã xong{ $declined ->
        [0] {""}
       *[other] , { $declined } không thực hiện được
    }
task-state-assigned = chưa nhận
task-state-accepted = đã nhận, đang làm
task-state-done = đã xong
task-state-done-on-time = đã xong, đúng hạn
task-state-done-late = đã xong, sau hạn
task-state-overdue = quá hạn
task-state-declined = không thực hiện được
task-state-reassigned = đã giao cho đồng chí khác
task-info-usage = Xin ghi số nhiệm vụ, ví dụ: /task_info 12. Xem các nhiệm vụ bằng /tasks.
task-info-header = 📌 Nhiệm vụ #{ $ref }: { $title }
task-info-assigner = Người giao: đồng chí { $name }
task-info-cancelled = ✖️ Nhiệm vụ đã hủy.
task-info-assignee = • { $name }: { $state }
task-info-reason = { "  " }Lý do: { $reason }
task-info-report = { "  " }Báo cáo ({ $count }), gần nhất: { $report }
task-info-evaluation = { "  " }Đánh giá: { $grade }
task-info-comment = { "  " }Nhận xét: { $comment }
edit-task-usage = Cách đổi hạn: /edit_task <số nhiệm vụ> hạn <ngày> [<giờ>], ví dụ: /edit_task 12 hạn thứ 6 tuần sau.
edit-task-same = Nhiệm vụ #{ $ref } đã có đúng hạn này rồi.
edit-task-done = Đã đổi hạn nhiệm vụ #{ $ref }: { $due }. Trợ lý đã báo các đồng chí được giao.
task-moved-notice = 📌 Nhiệm vụ #{ $ref } “{ $title }” đổi hạn: { $due }.
cancel-task-usage = Cách hủy: /cancel_task <số nhiệm vụ>, ví dụ: /cancel_task 12.
cancel-task-done = Đã hủy nhiệm vụ #{ $ref }; các nhắc nhở đã bỏ và Trợ lý đã báo các đồng chí được giao.
task-cancelled-notice = 📌 Nhiệm vụ #{ $ref } “{ $title }” đã được hủy. Đồng chí không cần thực hiện nữa.
me-tasks-header = Nhiệm vụ đang làm ({ $count }):
me-task-line = • #{ $ref } { $title } — hạn: { $due }

## Nhắc nhở

task-remind-before = Kính nhắc đồng chí { $name }: nhiệm vụ #{ $ref } “{ $title }” đến hạn vào { $due }. Khi xong, xin bấm “Đã xong”.
task-weekly-check = Kính chào đồng chí { $name }: nhiệm vụ #{ $ref } “{ $title }” (không có hạn cụ thể) — đồng chí còn đang làm chứ? Xin bấm một nút bên dưới: báo tiến độ, “Đã xong”, hoặc “Không thực hiện được” nếu gặp khó khăn.
task-remind-morning = Kính nhắc đồng chí { $name }: hôm nay là hạn của nhiệm vụ #{ $ref } “{ $title }” ({ $due }). Xin bấm một nút bên dưới.
task-remind-overdue = Kính nhắc đồng chí { $name }: nhiệm vụ #{ $ref } “{ $title }” đã quá hạn ({ $due }). Nếu đã xong, xin bấm “Đã xong”; nếu gặp khó khăn, xin báo tiến độ hoặc bấm “Không thực hiện được”.
task-escalation = ⏰ Nhiệm vụ #{ $ref } “{ $title }” đã quá hạn ({ $due }); { $count } đồng chí chưa hoàn thành:
task-escalation-line = • { $name }: chưa có báo cáo tiến độ
task-escalation-line-report = • { $name }: báo cáo gần nhất: { $report }

## Giao nhiệm vụ từng bước (/task)

task-guided-who = 📌 Giao nhiệm vụ — { $cell }
    Bước 1: giao cho ai? Xin chọn một tổ, cả chi bộ hoặc một đồng chí.
task-guided-more-members = (Chi bộ đông người: muốn giao cho đồng chí không có trong danh sách nút, xin gõ /task @tên <nội dung>.)
task-guided-whole-cell = 🏛 Cả chi bộ
task-guided-who-chosen = Đã chọn { $count } đồng chí nhận nhiệm vụ.
task-guided-title = Bước 2: xin gõ nội dung nhiệm vụ (một câu ngắn gọn, ví dụ: Chuẩn bị báo cáo tình hình an ninh trật tự).
task-guided-conclusions = Kết luận buổi sinh hoạt #{ $ref }: { $conclusions }
task-guided-title-placeholder = Nội dung nhiệm vụ
task-guided-due = Bước 3: hạn hoàn thành?
task-guided-due-week = Cuối tuần này
task-guided-due-month = Cuối tháng này
task-guided-due-none = Không có hạn
task-guided-due-type = ⌨️ Gõ ngày
task-guided-due-ask = Xin gõ hạn hoàn thành, ví dụ: “10/12”, “thứ 6 tuần sau” hoặc “cuối tháng 17h”.
task-guided-due-placeholder = Hạn hoàn thành
task-from-meeting-offer = Cuộc họp #{ $ref } đã kết thúc. Đồng chí có muốn giao nhiệm vụ theo kết luận cuộc họp không?
task-from-meeting-button = 📌 Giao nhiệm vụ từ kết luận
