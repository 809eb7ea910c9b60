module example.com/bookings

go 1.22
