print("plusikc")
