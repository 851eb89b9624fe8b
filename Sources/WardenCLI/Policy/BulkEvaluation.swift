import Foundation
import WardenPolicy
import WardenValue

/// `warden eval --requests`: decides one JSON request per line and prints one JSON result per line.
struct BulkEvaluation {
    /// The loaded policies.
    var set: PolicySet
    /// The command line's scope, for lines that give none; `nil` for every policy.
    var scope: ScopeSpec?
    /// Strict mode.
    var strict: Bool
    /// Whether each result carries an explanation.
    var explain: Bool

    /// Reads `path` (`-` for the injected input) and evaluates every line. Blank lines are
    /// skipped; line numbers count every line from 1.
    ///
    /// Returns 3 when a line could not be read or the file cannot be opened, else 2 when some
    /// request was not allowed, else 0.
    func run(path: String, io: CommandIO) -> WardenExitCode {
        let input: any LineInput
        if path == "-" {
            input = io.input
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                io.errors.line("error: cannot read requests file `\(path)`\n  hint: check the path, or use `-` for standard input")
                return .invalidInput
            }
            input = BufferedLineInput(String(decoding: data, as: UTF8.self))
        }
        var code = WardenExitCode.success
        var number = 0
        while let line = input.nextLine() {
            number += 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let (object, lineCode) = evaluate(line, number: number)
            io.output.line(object.text)
            code = code.worst(lineCode)
        }
        return code
    }

    /// The result object of one line and its exit code.
    func evaluate(_ line: String, number: Int) -> (JSONObject, WardenExitCode) {
        let parsed: RequestLine
        do {
            parsed = try RequestLine.parse(line)
        } catch {
            return (failure(number, error.message), .invalidInput)
        }
        let resolved: ResolvedScope
        switch ScopeResolution.resolve(parsed.scope ?? scope, in: set) {
        case .success(let scope): resolved = scope
        case .failure(let error): return (failure(number, error.description), .invalidInput)
        }
        let decision = set.authorize(parsed.request, scope: resolved, strict: strict)
        var object = JSONObject()
        object.add("line", .int(number))
        var result = DecisionRendering.json(decision, revision: set.revision)
        if explain {
            result.add("explanation", ExplanationRendering.json(set.explain(parsed.request, in: resolved), in: set))
        }
        object.append(contentsOf: result)
        return (object, DecisionRendering.exitCode(decision))
    }

    private func failure(_ number: Int, _ message: String) -> JSONObject {
        var object = JSONObject()
        object.add("line", .int(number))
        object.add("error", .string(message))
        return object
    }
}
