import WardenPolicy
import WardenService
import WardenValue

/// `warden eval --requests`: decides one JSON request per line and prints one JSON result per line.
struct BulkEvaluation {
    /// The loaded policies.
    var set: PolicySet
    /// The command line's scope, for lines that give none; `nil` for every policy.
    var scope: ScopeSpec?
    /// Whether lines that give no scope have none at all (`--no-scope`) instead of `scope`.
    var noScope = false
    /// Strict mode.
    var strict: Bool
    /// Whether each result carries an explanation.
    var explain: Bool

    /// Reads `path` (`-` for the injected input; any file the system can open: a pipe,
    /// `/dev/stdin`, `/dev/null`, a process substitution) and evaluates every line. Blank lines
    /// are skipped; line numbers count every line from 1.
    ///
    /// Returns 3 when a line could not be read or the file cannot be read (saying why), else 2
    /// when some request was not allowed, else 0.
    func run(path: String, io: CommandIO) -> WardenExitCode {
        let input: any LineInput
        if path == "-" {
            input = io.input
        } else {
            do {
                input = try FileLineInput(path: path)
            } catch {
                cannotRead(path, error, io: io)
                return .invalidInput
            }
        }
        var code = WardenExitCode.success
        var number = 0
        while true {
            let line: [UInt8]
            do {
                guard let next = try input.nextLine() else { break }
                line = next
            } catch {
                cannotRead(path, error, io: io)
                return .invalidInput
            }
            number += 1
            guard !line.allSatisfy(Self.isJSONWhitespace) else { continue }
            let (object, lineCode) = evaluate(line, number: number)
            io.output.line(object.text)
            code = code.worst(lineCode)
        }
        return code
    }

    private func cannotRead(_ path: String, _ error: LineInputError, io: CommandIO) {
        let name = path == "-" ? "standard input" : "requests file `\(path)`"
        io.errors.line(
            "error: cannot read \(name): \(error.reason)\n  hint: check the path, or use `-` for standard input")
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// The result object of one line and its exit code.
    func evaluate(_ line: [UInt8], number: Int) -> (JSONObject, WardenExitCode) {
        let parsed: RequestLine
        do {
            parsed = try RequestLine.parse(line, lineNumber: number)
        } catch {
            return (failure(number, error.message), .invalidInput)
        }
        switch DecisionAnswer.evaluate(
            parsed, in: set, defaultScope: scope, noScope: noScope, strict: strict, explain: explain)
        {
        case .failure(let error):
            return (failure(number, error.description), .invalidInput)
        case .success(let (answer, allowed)):
            var object = JSONObject()
            object.add("line", .int(number))
            object.append(contentsOf: answer)
            return (object, allowed ? .success : .denied)
        }
    }

    private func failure(_ number: Int, _ message: String) -> JSONObject {
        var object = JSONObject()
        object.add("line", .int(number))
        object.add("error", .string(message))
        return object
    }
}
