import Foundation
import Testing
import WardenPolicy

@testable import WardenCLI

/// `--policies PATH` is spelled the same on every command: repeated, with `policies/` as the
/// default, and a clear exit-3 error when there is neither.
@Suite("one --policies option on every command")
struct PolicyOptionTests {
    /// Each command, with the arguments it needs besides `--policies`, deciding something in
    /// group `t:second` (which only the second tree defines).
    static let commands: [(name: String, arguments: [String], input: String)] = [
        ("eval", ["eval", "--actor", "u", "--group", "t:second", "--action", "a", "--resource", "b"], ""),
        ("check", ["check", "--actor", "u", "--group", "t:second", "register", "n"], ""),
        (
            "bench", ["bench", "--group", "t:second", "--requests", "-", "--passes", "1"],
            #"{"actor": {"id": "u"}, "action": "a", "resource": "b"}"# + "\n"
        ),
        ("validate", ["validate"], ""),
        ("lint", ["lint"], ""),
    ]

    @Test("the flag repeated loads every path", arguments: commands.map(\.name))
    func repeated(name: String) async throws {
        let tree = try OptionTree()
        defer { tree.remove() }
        let command = try #require(Self.commands.first { $0.name == name })
        let result = await PolicyCLI.run(
            command.arguments + ["--policies", tree.first, "--policies", tree.second], input: command.input,
            workingDirectory: tree.withoutDefault)
        #expect(result.code == 0, "\(result.output)\(result.errors)")
        if name == "validate" { #expect(result.output.contains("2 files, 2 policies")) }
    }

    @Test("without --policies, `policies/` of the working directory is loaded", arguments: commands.map(\.name))
    func defaultDirectory(name: String) async throws {
        let tree = try OptionTree()
        defer { tree.remove() }
        let command = try #require(Self.commands.first { $0.name == name })
        let result = await PolicyCLI.run(command.arguments, input: command.input, workingDirectory: tree.withDefault)
        #expect(result.code == 0, "\(result.output)\(result.errors)")
    }

    @Test(
        "without --policies and without `policies/`: exit 3 naming the flag",
        arguments: commands.map(\.arguments) + [["demo"], ["serve"], ["audit", "replay", "log.jsonl"]])
    func missingDefault(arguments: [String]) async throws {
        let tree = try OptionTree()
        defer { tree.remove() }
        let result = await PolicyCLI.run(arguments, input: "", workingDirectory: tree.withoutDefault)
        #expect(result.code == 3)
        #expect(
            result.errors.contains("no policies given, and there is no `policies/` directory here"), "\(result.errors)")
        #expect(result.errors.contains("--policies PATH"))
    }

    @Test("audit replay takes the flag repeated")
    func replayRepeated() async throws {
        let tree = try OptionTree()
        defer { tree.remove() }
        let log = "\(tree.root)/audit.jsonl"
        try await AuditCLIFixture.writeLog(log)
        let result = try await runAudit(
            ["replay", "--policies", tree.first, "--policies", tree.second, "--format", "jsonl", log])
        #expect(result.code == 0 || result.code == 2, "\(result.err)")
        #expect(result.out.contains("\"revision\":\"\(try tree.revisionOfBoth())\""))
    }

    @Test("demo, serve and run parse the same spellings")
    func parsing() throws {
        let demo = try DemoCommand.parse(["--policies", "a", "--policies", "b", "--no-strict"])
        #expect(demo.policies.given == ["a", "b"])
        #expect(demo.strictness.strict == false)
        let serve = try ServeCommand.parse(["--policies", "a", "--policies", "b", "--no-strict"])
        #expect(serve.policies.given == ["a", "b"])
        #expect(serve.strictness.strict == false)
        let run = try RunCommand.parse(["tree", "--no-strict"])
        #expect(run.strictness.strict == false)
        let eval = try EvalCommand.parse(["--strict", "--action", "a", "--resource", "b"])
        #expect(eval.caller.strict)
    }

    @Test("validate and lint keep positional paths as an alias of --policies")
    func positional() async throws {
        let tree = try OptionTree()
        defer { tree.remove() }
        let result = await PolicyCLI.run(["validate", tree.first, "--policies", tree.second])
        #expect(result.code == 0)
        #expect(result.output.contains("2 files, 2 policies"))
    }
}
