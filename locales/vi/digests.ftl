## Báo cáo tháng, /report và /export

cmd-report = Báo cáo tình hình chi bộ theo tháng
cmd-export = Xuất sổ theo dõi (tệp Excel) theo tháng hoặc năm

digest-title = 📊 BÁO CÁO THÁNG { $period } — { $organisation }
digest-ward-heading = 🏛 Toàn Đảng bộ ({ $cells } chi bộ)
digest-cell-heading = ▪️ { $cell }
digest-line-meetings = • Sinh hoạt: thường kỳ { $regularHeld }/{ $regularPlanned }, chuyên đề { $thematicHeld }/{ $thematicPlanned }{ $cancelled ->
        [0] {""}
       *[other] {""}; { $cancelled } buổi bị hủy
    }
digest-line-attendance = • Dự họp: { $rate } ({ $present }/{ $expected } lượt)
digest-line-attendance-change = • Dự họp: { $rate } ({ $present }/{ $expected } lượt), { $direction ->
        [up] tăng { $points } điểm
        [down] giảm { $points } điểm
       *[same] không đổi
    } so với tháng trước
digest-line-attendance-none = • Dự họp: chưa có buổi sinh hoạt nào kết thúc
digest-line-absences = • Vắng không lý do: { $unexcused } lượt (có lý do: { $excused })
digest-line-tasks = • Nhiệm vụ: giao { $assigned }, xong đúng hạn { $onTime }, xong trễ hạn { $late }, quá hạn { $overdue }
digest-line-prompts = • Lấy ý kiến: { $rate } đã trả lời ({ $responded }/{ $audience })
digest-line-prompts-none = • Lấy ý kiến: không có trong tháng
digest-line-rating = • Đánh giá buổi sinh hoạt: { $average }/5 ({ $count } lượt)
digest-line-self-review = • Tự kiểm điểm: { $rate } đã nộp ({ $submitted }/{ $expected })
digest-line-self-review-none = • Tự kiểm điểm: chưa tổ chức trong tháng
digest-line-unreachable = • Chưa nhận được tin nhắn riêng: { $count } đồng chí
digest-line-no-thematic = • ⚠️ Quý này chi bộ chưa sinh hoạt chuyên đề

digest-attention-heading = ⚠️ CHI BỘ CẦN QUAN TÂM
digest-attention-none = ✅ Không có chi bộ nào dưới ngưỡng cần quan tâm.
digest-attention-line = • { $cell }: { $reasons }
digest-reason-no-meeting = không tổ chức sinh hoạt trong tháng
digest-reason-attendance = tỷ lệ dự họp { $percent }% (dưới { $threshold }%)
digest-reason-repeated = { $count } đảng viên vắng không lý do nhiều lần
digest-reason-self-review = tự kiểm điểm mới đạt { $percent }% (dưới { $threshold }%)
digest-reason-no-thematic = chưa sinh hoạt chuyên đề trong quý

digest-names-repeated = Vắng không lý do nhiều lần (từ đầu năm):
digest-names-person-absences = – đồng chí { $name }: { $count } lần
digest-names-overdue = Có nhiệm vụ quá hạn:
digest-names-person-overdue = – đồng chí { $name }: { $count } nhiệm vụ
digest-names-missing-review = Chưa nộp tự kiểm điểm:
digest-names-person = – đồng chí { $name }
digest-names-none = Không có đồng chí nào vắng nhiều lần, quá hạn nhiệm vụ hay chưa nộp tự kiểm điểm.

digest-secretary-intro = Kính gửi đồng chí { $name }: tóm tắt tình hình chi bộ tháng { $period }.
digest-no-committee = ℹ️ Đảng bộ chưa đăng ký nhóm Đảng ủy, nên báo cáo tháng được gửi riêng cho các đồng chí quản trị. Để lần sau báo cáo gửi vào nhóm hoặc kênh của Đảng ủy: thêm bot vào nhóm đó rồi gõ /register_committee trong nhóm, hoặc gõ /register_committee @tên_kênh tại đây.
digest-chart-caption = Tỷ lệ dự họp tháng { $period } so với tháng trước, và xu hướng 12 tháng của Đảng bộ.
digest-workbook-caption = Sổ theo dõi tháng { $period } (tệp Excel).

report-usage = Cách dùng: /report [tháng/năm], ví dụ /report 11/2026. Không ghi tháng thì báo cáo tháng này (5 ngày đầu tháng: tháng trước).
report-not-allowed = Báo cáo chỉ dành cho Bí thư, Phó Bí thư chi bộ và các đồng chí quản trị Đảng ủy.
report-no-data = Tháng { $period } chưa có số liệu nào (cuộc họp, nhiệm vụ hay lấy ý kiến) để báo cáo.
report-future = Tháng { $period } chưa bắt đầu, chưa có gì để báo cáo.
export-usage = Cách dùng: /export [tháng/năm | năm] [chi bộ], ví dụ /export 11/2026, /export 2026, hoặc /export 11/2026 Khu phố 1.
export-no-data = Kỳ { $period } chưa có số liệu nào để xuất.
export-unknown-cell = Không tìm thấy chi bộ «{ $name }» trong Đảng bộ.
export-done = Sổ theo dõi kỳ { $period }{ $cell ->
        [none] {""}
       *[other] {""} — { $cell }
    }.
export-period-year = năm { $year }
report-group-names-private = Danh sách tên (vắng nhiều lần, nhiệm vụ quá hạn, chưa nộp tự kiểm điểm) không đăng trong nhóm: đồng chí Bí thư nhắn /report riêng cho Trợ lý để xem.
report-group-use-private = Báo cáo chỉ gửi trong tin nhắn riêng: đồng chí bấm vào tên Trợ lý, chọn “Bắt đầu” rồi gõ /report.
export-group-use-private = Sổ theo dõi có tên từng đảng viên nên chỉ gửi trong tin nhắn riêng: đồng chí bấm vào tên Trợ lý, chọn “Bắt đầu” rồi gõ /export.
digest-chart-title = Tỷ lệ dự họp — Tháng { $period }
digest-chart-month = Tháng { $period }
digest-chart-trend = Xu hướng 12 tháng của Đảng bộ
