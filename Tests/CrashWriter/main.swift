// Child process for the crash test (SQLiteTests): writes in a loop and reports each commit.
print("crash-writer placeholder")
