import Foundation
import Testing

/// Load errors and warnings of registry trees, each with its `file:line:col`.
@Suite struct RegistryLoadingTests {
    static func load(
        _ yaml: String, files: [String: String] = [:], options: [String] = ["-x", "app:main"]
    ) async throws -> PolicyCLIResult {
        var all = files
        all["app.yaml"] = yaml
        let directory = try RunHarness.tree(all)
        defer { PolicyCLI.remove(directory) }
        return try await RunHarness.run([directory] + options + ["--audit", directory + "/a.jsonl"])
    }

    static let header = """
        namespace: app
        entries:
          - {name: processes, kind: process.host}

        """

    @Test func aMissingSourceFileIsAnErrorAtTheSourceField() async throws {
        let result = try await Self.load(
            Self.header + "  - {name: main, kind: function.lua, source: \"file://none.lua\", method: main}\n")
        #expect(result.code == 3)
        #expect(result.errors.contains("app.yaml:4:"))
        #expect(result.errors.contains("cannot read the source file"))
    }

    @Test func aBadMethodIsAnError() async throws {
        let result = try await Self.load(
            Self.header + "  - {name: main, kind: function.lua, source: \"file://m.lua\", method: \"not a name\"}\n",
            files: ["m.lua": "return {}\n"])
        #expect(result.code == 3)
        #expect(result.errors.contains("app.yaml:4:"))
        #expect(result.errors.contains("`method` must be the name of a Lua function"))
    }

    @Test func aServiceNamingAnUnknownProcessOrHostIsAnError() async throws {
        let result = try await Self.load(
            Self.header + """
                  - {name: svc, kind: process.service, process: nothing, host: nowhere}
                  - {name: main, kind: function.lua, source: "file://m.lua", method: main}

                """, files: ["m.lua": "return {main = function() end}\n"])
        #expect(result.code == 3)
        #expect(
            result.errors.contains(
                "app.yaml:4:5: error[invalid-value]: service `app:svc` names the unknown process `app:nothing`"))
        #expect(result.errors.contains("names the unknown host `app:nowhere`"))
    }

    @Test func anUnknownGroupOrPolicyInSecurityIsAnError() async throws {
        let result = try await Self.load(
            Self.header + """
                  - name: main
                    kind: process.lua
                    source: file://m.lua
                    method: main
                    security: {groups: [ghosts], policies: [app:none]}

                """, files: ["m.lua": "return {main = function() end}\n"])
        #expect(result.code == 3)
        #expect(result.errors.contains("unknown group `app:ghosts`"))
        #expect(result.errors.contains("unknown policy `app:none`"))
    }

    @Test func aLuaSyntaxErrorIsALoadErrorWithItsLine() async throws {
        let result = try await Self.load(
            Self.header + "  - {name: main, kind: function.lua, source: \"file://m.lua\", method: main}\n",
            files: ["m.lua": "local x = 1\nlocal y = = 2\n"])
        #expect(result.code == 3)
        #expect(result.errors.contains("m.lua:2:"))
    }

    @Test func anUnprovidedModuleIsOnlyAWarning() async throws {
        let result = try await Self.load(
            Self.header
                + "  - {name: main, kind: function.lua, source: \"file://m.lua\", method: main, modules: [http, time]}\n",
            files: ["m.lua": "return {main = function() return 0 end}\n"])
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.errors.contains("app.yaml:4:"))
        #expect(result.errors.contains("warning[invalid-value]: module `http`"))
    }

    @Test func everyModuleTheSpecListsLoadsWithoutAModuleWarning() async throws {
        // spec/lua-host.md section 4, and `os` for the global's safe subset.
        let result = try await Self.load(
            Self.header
                + "  - {name: main, kind: function.lua, source: \"file://m.lua\", method: main, "
                + "modules: [time, json, uuid, ctx, logger, security, io, os]}\n",
            files: ["m.lua": "return {main = function() return 0 end}\n"])
        #expect(result.code == 0, "\(result.errors)")
        #expect(!result.errors.contains("warning[invalid-value]"), "\(result.errors)")
    }

    /// A tree written for Wippy, without policies or `security` blocks.
    static let unguardedTree = """
        namespace: app
        entries:
          - {name: processes, kind: process.host}
          - {name: main, kind: process.lua, source: "file://m.lua", method: main}
          - {name: child, kind: process.lua, source: "file://m.lua", method: main}

        """

    static let spawnsAChild = """
        return {main = function()
            local pid, err = process.spawn("app:child", "app:processes")
            if pid == nil then return nil, err end
            return 0
        end}
        """

    @Test func strictModeWarnsThatAnEntryWithoutSecurityCannotActAndItsCallsAreDenied() async throws {
        let result = try await Self.load(Self.unguardedTree, files: ["m.lua": Self.spawnsAChild])
        #expect(result.code == 1)
        #expect(result.errors.contains("warning: `app:main` runs without an actor and a scope"))
        #expect(result.errors.contains("so strict mode denies each of its `process.*` calls"))
        #expect(result.errors.contains("hint: give the entry `security: {actor: {id: ...}, groups: [...]}`"))
        #expect(result.errors.contains("app:main: not allowed to spawn: app:child"), "\(result.errors)")
    }

    @Test func withoutStrictModeTheSameTreeRunsUnchangedAndWithoutTheWarning() async throws {
        let result = try await Self.load(
            Self.unguardedTree, files: ["m.lua": Self.spawnsAChild], options: ["-x", "app:main", "--no-strict"])
        #expect(result.code == 0, "\(result.errors)")
        #expect(!result.errors.contains("warning"), "\(result.errors)")
    }

    @Test func strictModeWarnsOnceAboutTestFunctionsWithoutSecurity() async throws {
        let tree = """
            namespace: app
            entries:
              - {name: processes, kind: process.host}
              - {name: t1, kind: function.lua, source: "file://t.lua", method: main, meta: {type: test}}
              - {name: t2, kind: function.lua, source: "file://t.lua", method: main, meta: {type: test}}

            """
        let result = try await Self.load(
            tree, files: ["t.lua": "return {main = function() end}\n"], options: ["--test"])
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.errors.contains("warning: 2 entries run without an actor or a scope (`app:t1`, `app:t2`)"))
        #expect(result.errors.components(separatedBy: "warning:").count == 2, "\(result.errors)")
    }

    @Test func anEntryWithAnActorAndAScopeGetsNoWarning() async throws {
        let tree = """
            namespace: app
            entries:
              - {name: processes, kind: process.host}
              - name: spawn
                kind: security.policy
                policy: {actions: [process.spawn, process.host], resources: "*", effect: allow}
                groups: [starters]
              - name: main
                kind: process.lua
                source: file://m.lua
                method: main
                security: {actor: {id: ops}, groups: [starters]}
              - {name: child, kind: process.lua, source: "file://m.lua", method: main}

            """
        let result = try await Self.load(tree, files: ["m.lua": Self.spawnsAChild])
        #expect(result.code == 0, "\(result.errors)")
        #expect(!result.errors.contains("warning"), "\(result.errors)")
    }

    @Test func anImportOfAMissingLibraryIsAnError() async throws {
        let result = try await Self.load(
            Self.header
                + "  - {name: main, kind: function.lua, source: \"file://m.lua\", method: main, imports: {h: app:helpers}}\n",
            files: ["m.lua": "return {main = function() end}\n"])
        #expect(result.code == 3)
        #expect(result.errors.contains("import `h` of entry `app:main` names `app:helpers`"))
    }

    @Test func restartDurationsMayCombineUnitsAsGoAndWippyWriteThem() async throws {
        let service = """
              - name: svc
                kind: process.service
                process: main
                host: processes
                lifecycle: {restart: {initial_delay: 1h30m, max_delay: 2m0.5s}}
              - {name: main, kind: process.lua, source: "file://m.lua", method: main}

            """
        let good = try await Self.load(
            Self.header + service, files: ["m.lua": "return {main = function() return 0 end}\n"])
        #expect(good.code == 0, "\(good.errors)")
        let bad = try await Self.load(
            Self.header + service.replacingOccurrences(of: "2m0.5s", with: "2m-1s"),
            files: ["m.lua": "return {main = function() return 0 end}\n"])
        #expect(bad.code == 3)
        #expect(bad.errors.contains("app.yaml:8:"))
        #expect(bad.errors.contains("invalid duration `2m-1s`"))
    }

    @Test func servicesRequiringEachOtherInACycleAreAnErrorNamingTheCycle() async throws {
        let services = """
              - {name: main, kind: process.lua, source: "file://m.lua", method: main}
              - {name: a, kind: process.service, process: main, host: processes, lifecycle: {requires: [b]}}
              - {name: b, kind: process.service, process: main, host: processes, lifecycle: {depends_on: [app:a]}}

            """
        let result = try await Self.load(
            Self.header + services, files: ["m.lua": "return {main = function() return 0 end}\n"])
        #expect(result.code == 3)
        #expect(result.errors.contains("app.yaml:5:"))
        #expect(result.errors.contains("services require each other in a cycle: `app:a` -> `app:b` -> `app:a`"))
    }

    @Test func aJitterOutsideZeroToOneIsAnErrorAtTheValue() async throws {
        let service = """
              - {name: main, kind: process.lua, source: "file://m.lua", method: main}
              - name: svc
                kind: process.service
                process: main
                host: processes
                lifecycle: {restart: {jitter: 1.5}}

            """
        let result = try await Self.load(
            Self.header + service, files: ["m.lua": "return {main = function() return 0 end}\n"])
        #expect(result.code == 3)
        #expect(result.errors.contains("app.yaml:9:"))
        #expect(result.errors.contains("`jitter` must be a fraction from 0 to 1"))
    }
}
