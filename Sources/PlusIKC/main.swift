import App
import Domain
import Foundation
import HTTP
import SQLite
import Store

// The command line: serve, migrate, seed-demo, backup, create-user.
setvbuf(stdout, nil, _IOLBF, 0)
let arguments = Array(CommandLine.arguments.dropFirst())
let status = CommandLineTool.run(arguments)
exit(status)
