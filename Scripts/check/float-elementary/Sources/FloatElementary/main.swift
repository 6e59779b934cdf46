// Checks every one of the 2³² Float inputs of each function in `FloatElementaryCases` (or of those
// named on the command line) against its Double reference and its stated bound; exits 1 if one exceeds it.
import Foundation

let names = Array(CommandLine.arguments.dropFirst())
let known = Set(FloatElementaryCases.functions.map(\.name))
if let unknown = names.first(where: { !known.contains($0) }) {
    let list = FloatElementaryCases.functions.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(Data("unknown function '\(unknown)'; the functions are: \(list)\n".utf8))
    exit(2)
}
var failed = false
for f in FloatElementaryCases.functions where names.isEmpty || names.contains(f.name) {
    let started = Date()
    let worst = FloatElementaryCases.worstOverEveryInput(f)
    let verdict = worst.ulps <= f.maxUlps ? "ok" : "EXCEEDS"
    failed = failed || verdict != "ok"
    let seconds = Int(Date().timeIntervalSince(started).rounded())
    // Written at once (print buffers when the output is a file), one line per function as it finishes.
    FileHandle.standardOutput.write(Data("\(f.name): worst \(worst.ulps) ulp at \(worst.at) (bound \(f.maxUlps)): \(verdict), \(seconds) s\n".utf8))
}
exit(failed ? 1 : 0)
