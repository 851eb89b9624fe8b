import ArgumentParser
import Testing
import WardenCLI
import WardenPolicy

@Suite("warden arguments and help", .timeLimit(.minutes(5)))
struct PolicyArgumentTests {
    @Test func rootHelpListsThePolicyCommands() async {
        let result = await PolicyCLI.run(["--help"])
        #expect(result.code == 0)
        for name in ["validate", "eval", "test", "lint"] {
            #expect(result.outputLines.contains { $0.hasPrefix("  \(name) ") }, "missing \(name)")
        }
    }

    @Test(arguments: ["validate", "eval", "test", "lint"])
    func eachCommandDocumentsExitCodesAndExamples(_ name: String) async {
        let result = await PolicyCLI.run(["help", name])
        #expect(result.code == 0)
        #expect(result.output.contains("Exit codes:"))
        #expect(result.output.contains("Examples:"))
        #expect(result.output.contains("warden \(name) "))
    }

    @Test(arguments: [
        ["eval", "--policies", "p", "--bogus"],
        ["eval", "--policies", "p", "--policies"],
        ["eval", "--policies", "p", "--resource", "r"],
        ["eval", "--policies", "p", "--action", "a"],
        ["eval", "--policies", "p", "--action", "a", "--resource", "r", "--actor-meta", "{}"],
        ["eval", "--policies", "p", "--action", "a", "--resource", "r", "--format", "yaml"],
        ["eval", "--policies", "p", "--action", "a", "--resource", "r", "--scope", ","],
        ["eval", "--policies", "p", "--action", "a", "--resource", "r", "--group", " "],
        ["test"],
        ["lint", "--format", "xml", "p"],
        ["frobnicate"],
    ])
    func usageErrorsExitThree(_ arguments: [String]) async {
        let result = await PolicyCLI.run(arguments)
        #expect(result.code == 3)
        #expect(result.output.isEmpty)
        #expect(result.errors.hasPrefix("Error: "))
    }

    @Test func scopeAndGroupOptionsRepeatAndSplitAtCommas() throws {
        let command = try #require(
            try WardenCommand.parseAsRoot([
                "eval", "--policies", "a", "--policies", "b", "--scope", "ns:p1, ns:p2", "--scope", "ns:p3", "--group",
                "ns:g",
                "--action", "x", "--resource", "y",
            ]) as? EvalCommand)
        #expect(command.policies.given == ["a", "b"])
        #expect(IDList.split(command.caller.scope) == ["ns:p1", "ns:p2", "ns:p3"])
        #expect(IDList.split(command.caller.group) == ["ns:g"])
        #expect(command.caller.strict)
        #expect(command.format == nil)
    }

    @Test func jsonOptionsAreParsedIntoValues() throws {
        let command = try #require(
            try WardenCommand.parseAsRoot([
                "eval", "--policies", "a", "--actor", "u", "--actor-meta", #"{"role":"admin","level":3}"#,
                "--meta", #"{"pid":"{app:processes|0x1}"}"#, "--action", "x", "--resource", "y", "--no-strict",
            ]) as? EvalCommand)
        #expect(command.caller.actorMeta == ["role": "admin", "level": 3])
        #expect(command.meta == ["pid": "{app:processes|0x1}"])
        #expect(!command.caller.strict)
    }
}
