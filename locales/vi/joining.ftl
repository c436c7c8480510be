## Tham gia chi bộ: lời mời, yêu cầu tham gia, link cá nhân

invite-group =
    📣 { $cell } mời các đồng chí đảng viên của chi bộ cùng dùng Trợ lý Chi bộ.
    Đồng chí bấm “Tham gia chi bộ” bên dưới, Bí thư chi bộ sẽ xác nhận. Nên bấm “Tham gia và nhận nhắc riêng” để Trợ lý nhắn riêng cho đồng chí lịch sinh hoạt và nhiệm vụ.
invite-private =
    Link mời tham gia { $cell }:
    { $link }
    Đồng chí chuyển tiếp tin nhắn này cho các đảng viên của chi bộ. Khi họ mở link và bấm “Bắt đầu”, yêu cầu tham gia sẽ được gửi đến đồng chí để duyệt.
invite-button-join = 🙋 Tham gia chi bộ
invite-button-link = ✉️ Tham gia và nhận nhắc riêng
join-link-invalid = Link tham gia này không đúng hoặc đã cũ. Đồng chí vui lòng xin Bí thư chi bộ gửi lại lời mời.
join-cell-inactive = { $cell } hiện không còn hoạt động trên Trợ lý nên chưa nhận yêu cầu tham gia. Đồng chí vui lòng liên hệ Bí thư chi bộ.
join-already-member = Đồng chí đã là đảng viên của { $cell } trên Trợ lý. Gõ /me để xem thông tin của đồng chí.
join-already-pending = Yêu cầu tham gia { $cell } của đồng chí đã được gửi và đang chờ Bí thư chi bộ duyệt. Đồng chí không cần gửi lại.
join-request-sent = Đã gửi yêu cầu tham gia { $cell }. Bí thư chi bộ (hoặc quản trị viên Đảng ủy) sẽ xem và chấp thuận; Trợ lý sẽ báo lại cho đồng chí.
join-request-to-manager =
    🙋 Yêu cầu tham gia { $cell }
    Đồng chí { $name } xin tham gia chi bộ trên Trợ lý.
    Đồng chí bấm một nút bên dưới để duyệt.
join-button-approve = ✅ Chấp thuận
join-button-reject = ✖️ Từ chối
join-approved-toast = Đã chấp thuận.
join-rejected-toast = Đã từ chối.
join-decided-approved = ✅ Đã chấp thuận: đồng chí { $name } là đảng viên của { $cell } (số { $number } trong /members). Người duyệt: { $decider }.
join-decided-rejected = ✖️ Đã từ chối yêu cầu tham gia { $cell } của { $name }. Người duyệt: { $decider }.
join-decided-already = { $state ->
        [approved] Yêu cầu này đã được { $decider } chấp thuận trước đó.
       *[rejected] Yêu cầu này đã được { $decider } từ chối trước đó.
    }
join-approved-member = 🎉 Yêu cầu của đồng chí đã được chấp thuận: từ nay đồng chí là đảng viên của { $cell } trên Trợ lý. Trợ lý sẽ nhắn riêng cho đồng chí lịch sinh hoạt, nhiệm vụ và các câu hỏi lấy ý kiến. Gõ /me để xem thông tin của đồng chí.
join-rejected-member = Yêu cầu tham gia { $cell } của đồng chí chưa được chấp thuận. Nếu có nhầm lẫn, đồng chí vui lòng trao đổi trực tiếp với Bí thư chi bộ. Cảm ơn đồng chí.
join-welcome-group = 🌷 Chi bộ chào mừng đồng chí { $name } tham gia { $cell } trên Trợ lý Chi bộ.
join-welcome-group-unreachable = Đồng chí { $name } bấm “Nhận nhắc riêng” bên dưới để Trợ lý nhắn riêng lịch sinh hoạt và nhiệm vụ.
join-button-private-reminders = 🔔 Nhận nhắc riêng
claim-invalid = Link cá nhân này không còn hiệu lực: link đã được dùng hoặc không đúng. Nếu đồng chí đã dùng link này, gõ /me để xem thông tin; nếu chưa, xin Bí thư chi bộ gửi lại link.
claim-done =
    Kính chào đồng chí { $name }! Trợ lý đã ghi nhận tài khoản Telegram này là của đồng chí.
    Đồng chí là đảng viên của:
    { $cells }
    Từ nay Trợ lý sẽ nhắn riêng cho đồng chí lịch sinh hoạt, nhiệm vụ và các câu hỏi lấy ý kiến. Gõ /me để xem thông tin của đồng chí.
claim-done-no-cells = Kính chào đồng chí { $name }! Trợ lý đã ghi nhận tài khoản Telegram này là của đồng chí. Hiện đồng chí chưa thuộc chi bộ nào đang hoạt động; Bí thư chi bộ sẽ cập nhật sau.
claim-cell-line = • { $cell }: { $role }
join-request-name-matches = ⚠️ Lưu ý: tên “{ $member }” (số #{ $number }) đã có trong danh sách chi bộ, và tên người xin tham gia trùng với tên này (không tính chữ hoa, dấu và ký tự ẩn). Có thể là người khác mạo danh, hoặc chính đồng chí ấy dùng tài khoản thứ hai. Xin đồng chí kiểm tra trực tiếp với đồng chí { $member } trước khi chấp thuận.

## Mô tả lệnh

cmd-invite = Mời đảng viên tham gia chi bộ trên Trợ lý
