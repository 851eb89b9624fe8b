import Testing

@Suite("warden test strict mode", .timeLimit(.minutes(5)))
struct PolicyTestStrictTests {
    static let file = """
        namespace: t
        policies:
          - name: everyone
            kind: security.policy
            policy: {actions: "*", resources: "*", effect: allow}
        tests:
          - name: strict denies a request without an actor
            strict: true
            action: read
            resource: r
            expect: deny
          - name: without strict mode it is allowed
            strict: false
            action: read
            resource: r
            expect: allow
          - name: an actor is decided by the policies either way
            strict: true
            actor: {id: u}
            action: read
            resource: r
            expect: allow
            policies_expected: [everyone]

        """

    @Test func aPerTestStrictKeyIsHonoured() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(Self.file, to: "strict.yaml", in: directory)
            let result = await PolicyCLI.run(["test", path])
            #expect(result.errors == "")
            #expect(result.code == 0)
            #expect(result.outputLines == ["3 passed, 0 failed"])
        }
    }

    @Test func theCommandLineSetsTheDefaultForTestsWithoutStrict() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                Self.file.replacingOccurrences(
                    of: "    strict: true\n    action: read\n    resource: r\n    expect: deny",
                    with: "    action: read\n    resource: r\n    expect: deny"),
                to: "default.yaml", in: directory)
            #expect(await PolicyCLI.run(["test", "--strict", path]).outputLines == ["3 passed, 0 failed"])
            let lax = await PolicyCLI.run(["test", "--no-strict", path])
            #expect(lax.code == 1)
            #expect(lax.outputLines.last == "2 passed, 1 failed")
        }
    }
}
