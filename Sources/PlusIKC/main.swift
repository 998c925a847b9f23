import App
import Domain
import Foundation
import HTTP
import SQLite
import Store

// The command line: serve, migrate, seed-demo, backup, create-user.
// print() goes through stdio; with a pipe it is flushed at exit (and by fflush in the commands).
// 8 MiB of freed heap stays with the process: see ProcessMemory (the write path's profile).
ProcessMemory.keepFreedHeap(upTo: 8 << 20)
let arguments = Array(CommandLine.arguments.dropFirst())
let status = CommandLineTool.run(arguments)
exit(status)
