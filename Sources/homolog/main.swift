import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--version" {
  print("homolog 0.1.0")
  exit(0)
}
print("usage: homolog --version")
exit(arguments.isEmpty || arguments.first == "--help" ? 0 : 2)
