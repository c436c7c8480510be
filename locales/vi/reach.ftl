## Nhắc riêng

reach-button = 🔔 Nhận nhắc riêng
