import Foundation
import Testing
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(5))) struct IdentityTests {
    @Test(arguments: [
        (PID(host: "app:processes", counter: 42), "{app:processes|0x0000002a}"),
        (PID(host: "h", counter: 1), "{h|0x00000001}"),
        (PID(host: "a.b:c", counter: 0x1_0000_0000), "{a.b:c|0x100000000}"),
        (PID(host: "x", counter: 0), "{x|0x00000000}"),
        (PID(host: "hôte:ü", counter: .max), "{hôte:ü|0xffffffffffffffff}"),
        (PID(host: "app:processes", counter: 0xfedc_ba98), "{app:processes|0xfedcba98}"),
    ])
    func pidStringFormRoundTrips(pid: PID, text: String) throws {
        #expect(pid.description == text)
        #expect(PID(text) == pid)
        #expect(try PID.parse(text) == pid)
    }

    @Test(arguments: [
        "", "{}", "app|0x1", "{app|0x1", "{|0x1}", "{app|1}", "{app|0x}", "{app|0xzz}", "{app}",
        "{app|0x00000000000000001}", "{a{b|0x1}", "{a}b|0x1}", "{{app|0x1}", "{app|0x1}}", "{app|0x1|2}",
        "{app|0X1}", "{app|0x1 }", "{app|0x\u{0661}}", "{app|0x\u{FF21}}", "{app|0x1\u{301}}", "{app|\u{301}0x1}",
    ])
    func malformedPIDsAreRejected(text: String) {
        #expect(PID(text) == nil)
        let error = #expect(throws: ProcessError.self) { try PID.parse(text) }
        #expect(error?.kind == .invalid)
        #expect(error?.code == "malformed-pid")
    }

    @Test func uppercaseHexDigitsParseToTheSameCounter() {
        #expect(PID("{h|0xABCDEF01}") == PID(host: "h", counter: 0xabcd_ef01))
        #expect(PID("{h|0xFFFFFFFFFFFFFFFF}") == PID(host: "h", counter: .max))
    }

    @Test func pidIsCodableAsItsString() throws {
        let pid = PID(host: "app:processes", counter: 7)
        let data = try JSONEncoder().encode([pid])
        #expect(String(decoding: data, as: UTF8.self) == #"["{app:processes|0x00000007}"]"#)
        #expect(try JSONDecoder().decode([PID].self, from: data) == [pid])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PID].self, from: Data(#"["nope"]"#.utf8)) }
    }

    @Test func destinationsParseAsPIDOrName() throws {
        #expect(try Destination.parse("{h|0x00000002}") == .pid(PID(host: "h", counter: 2)))
        #expect(try Destination.parse("worker") == .name("worker"))
        #expect((#expect(throws: ProcessError.self) { try Destination.parse("{broken") })?.kind == .invalid)
        #expect((#expect(throws: ProcessError.self) { try Destination.parse("") })?.kind == .invalid)
    }

    @Test func errorsDescribeThemselvesWithTheSpecKindNames() {
        let error = ProcessError(.permissionDenied, "not allowed to spawn on host: app:processes")
        #expect(error.description == "PERMISSION_DENIED: not allowed to spawn on host: app:processes")
        #expect(error.code == "permission-denied")
        #expect(
            ProcessError.Kind.allCases.map(\.name) == [
                "INVALID", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS", "INTERNAL",
            ])
    }

    @Test func operationsUseTheLuaFacingNames() {
        #expect(ProcessOperation.spawnLinkedMonitored.qualifiedName == "process.spawn_linked_monitored")
        #expect(ProcessOperation.register.qualifiedName == "process.registry.register")
        #expect(SpawnMode.linkedMonitored.operation == .spawnLinkedMonitored)
    }

    @Test func definitionSecurityReplacesTheActorAndAddsToTheScope() {
        let inherited = SecurityContext(
            actor: Actor(id: "user:1"), scope: SecurityScope(policies: ["base"], groups: ["g1"]))
        let block = DefinitionSecurity(actor: Actor(id: "svc:worker"), policies: ["extra", "base"], groups: ["g2"])
        let applied = block.applied(to: inherited)
        #expect(applied.actor == Actor(id: "svc:worker"))
        #expect(applied.scope == SecurityScope(policies: ["base", "extra"], groups: ["g1", "g2"]))
        #expect(DefinitionSecurity().applied(to: inherited) == inherited)
        #expect(DefinitionSecurity(policies: ["p"]).applied(to: .none).scope == SecurityScope(policies: ["p"]))
    }

    @Test func exitResultsHaveTheSpecTableForm() {
        #expect(ExitResult.value(.int(1)).tableValue == .map(["value": .int(1)]))
        #expect(ExitResult.error(.terminated).tableValue == .map(["error": "terminated"]))
    }
}

@Suite(.timeLimit(.minutes(5))) struct CancelDeadlineTests {
    @Test(arguments: [
        ("5s", Duration.seconds(5)), ("250ms", .milliseconds(250)), ("1m30s", .seconds(90)),
        ("1h", .seconds(3600)), ("10us", .microseconds(10)), ("7ns", .nanoseconds(7)), ("1.5s", .milliseconds(1500)),
        ("0s", .zero), ("2h3m4s5ms", .seconds(7384) + .milliseconds(5)),
    ])
    func durationStringsParse(text: String, expected: Duration) throws {
        #expect(try CancelDeadline(parsing: text).duration == expected)
    }

    @Test(arguments: ["", "5", "s", "5x", "-5s", "5 s", "1.s", ".5s", "5sms", "1d", "9999999h", "1..5s", "5S"])
    func malformedDurationsAreInvalid(text: String) {
        let error = #expect(throws: ProcessError.self) { try CancelDeadline(parsing: text) }
        #expect(error?.kind == .invalid)
        #expect(error?.code == "invalid-duration")
    }

    @Test func integersAreMilliseconds() throws {
        #expect(try CancelDeadline.from(.int(250))?.duration == .milliseconds(250))
        #expect(try CancelDeadline.from(.double(100))?.duration == .milliseconds(100))
        #expect(try CancelDeadline.from(.string("2s"))?.duration == .seconds(2))
        #expect(try CancelDeadline.from(nil) == nil)
        #expect(try CancelDeadline.from(.null) == nil)
        #expect((#expect(throws: ProcessError.self) { try CancelDeadline.from(.int(-1)) })?.kind == .invalid)
        #expect((#expect(throws: ProcessError.self) { try CancelDeadline.from(.bool(true)) })?.kind == .invalid)
        #expect((#expect(throws: ProcessError.self) { try CancelDeadline.from(.double(1.5)) })?.kind == .invalid)
    }
}
