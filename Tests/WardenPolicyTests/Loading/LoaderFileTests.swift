import Foundation
import Testing
import WardenPolicy
import WardenValue

@Suite("loading files and directories")
struct LoaderFileTests {
    static func entry(_ name: String, effect: String = "allow", extra: String = "") -> String {
        """
          - name: \(name)
            kind: security.policy
        \(extra)    policy: {actions: "*", resources: "*", effect: \(effect)}

        """
    }

    @Test func aDirectoryIsReadRecursivelyAndOtherFilesAndKindsAreIgnored() throws {
        try withTemporaryDirectory { dir in
            try write("namespace: a\nentries:\n" + Self.entry("one"), to: "a.yaml", in: dir)
            try write("namespace: b\nentries:\n" + Self.entry("two"), to: "nested/deeper/b.yml", in: dir)
            try write(
                "namespace: c\nentries:\n  - name: handler\n    kind: process.lua\n    source: file://x.lua\n",
                to: "c.yaml", in: dir)
            try write("not: yaml: at all: [", to: "notes.txt", in: dir)
            try write("name: ci\non: push\n", to: ".github/workflows/ci.yml", in: dir)
            try write("name: hidden\n", to: ".hidden.yaml", in: dir)
            let result = PolicyLoader().load(path: dir)
            #expect(result.diagnostics.map(\.description) == [])
            #expect(result.policySet?.policyIDs == ["a:one", "b:two"])
        }
    }

    @Test func filesAreReadInSortedPathOrder() throws {
        try withTemporaryDirectory { dir in
            for name in ["b.yaml", "a/z.yaml", "a.yaml", "A.yaml"] {
                try write("namespace: n\nentries: 3\n", to: name, in: dir)
            }
            let files = PolicyLoader().load(path: dir).diagnostics.map(\.mark.file)
            #expect(files == ["A.yaml", "a.yaml", "a/z.yaml", "b.yaml"].map { dir + "/" + $0 })
        }
    }

    @Test func errorsOfAllFilesAreReported() throws {
        try withTemporaryDirectory { dir in
            try write("entries: []\n", to: "a.yaml", in: dir)
            try write("namespace: b\nentries:\n" + Self.entry("x", effect: "Deny"), to: "b.yaml", in: dir)
            try write("namespace: c\nentries: [\n", to: "c.yaml", in: dir)
            try write("namespace: d\nentries:\n" + Self.entry("ok"), to: "d.yaml", in: dir)
            let result = PolicyLoader().load(path: dir)
            #expect(result.policySet == nil)
            #expect(result.errors.map(\.code) == [.missingNamespace, .invalidEffect, .yaml("syntax")])
            #expect(result.errors.map(\.mark.file) == ["a.yaml", "b.yaml", "c.yaml"].map { dir + "/" + $0 })
            #expect(result.definitions.map(\.id) == ["d:ok"])
        }
    }

    @Test func aDuplicateIdAcrossFilesNamesBothLocations() throws {
        try withTemporaryDirectory { dir in
            try write("namespace: app\nentries:\n" + Self.entry("p"), to: "one.yaml", in: dir)
            try write("namespace: app\nentries:\n" + Self.entry("q") + Self.entry("p"), to: "two.yaml", in: dir)
            let result = PolicyLoader().load(path: dir)
            #expect(
                result.diagnostics.map(\.description) == [
                    "\(dir)/two.yaml:6:11: error[duplicate-id]: duplicate policy id `app:p`, first defined at \(dir)/one.yaml:3:11; rename one of the two entries"
                ])
        }
    }

    @Test func aMissingPathIsReported() {
        let result = PolicyLoader().load(paths: ["/nonexistent/policies"])
        #expect(
            result.diagnostics.map(\.description) == [
                "/nonexistent/policies:1:1: error[io-error]: no such file or directory `/nonexistent/policies`; check the path"
            ])
    }

    @Test func anExplicitFileIsReadWhateverItsExtension() throws {
        try withTemporaryDirectory { dir in
            try write("namespace: x\nentries:\n" + Self.entry("p"), to: "policy.conf", in: dir)
            #expect(PolicyLoader().load(path: dir + "/policy.conf").policySet?.policyIDs == ["x:p"])
        }
    }

    @Test func fileMetaIsMergedUnderEntryMeta() throws {
        let set = try load(
            """
            namespace: app
            meta: {owner: platform, tier: 1}
            entries:
              - name: p
                kind: security.policy
                meta: {tier: 2, comment: hi}
                policy: {actions: "*", resources: "*", effect: allow}
              - name: q
                kind: security.policy
                policy: {actions: "*", resources: "*", effect: allow}
            """
        ).get()
        #expect(set.definition(id: "app:p")?.meta == ["owner": "platform", "tier": 2, "comment": "hi"])
        #expect(set.definition(id: "app:q")?.meta == ["owner": "platform", "tier": 1])
    }

    @Test func bareGroupsTakeTheFileNamespaceAndQualifiedOnesAreHonoured() throws {
        let set = try load(
            """
            namespace: app.security
            entries:
              - name: p
                kind: security.policy
                groups: [admin, "other.ns:ops"]
                policy: {actions: "*", resources: "*", effect: allow}
              - name: e
                kind: security.policy.expr
                groups: ["other.ns:ops"]
                policy: {actions: "*", resources: "*", effect: allow, expression: "true"}
            """
        ).get()
        #expect(set.groupIDs == ["app.security:admin", "other.ns:ops"])
        #expect(set.policies(inGroup: "other.ns:ops") == ["app.security:e", "app.security:p"])
    }

    @Test func patternsAndConditionsAreReadAsWritten() throws {
        let set = try load(
            """
            namespace: app
            entries:
              - name: p
                kind: security.policy
                policy:
                  actions: [document.read, "document.update"]
                  resources: document:*
                  effect: deny
                  conditions:
                    - {field: meta.owner, operator: eq, value_from: actor.id}
                    - {field: meta.size, operator: gte, value: 1e3}
            """
        ).get()
        let p = try #require(set.definition(id: "app:p"))
        #expect(p.actions == ["document.read", "document.update"])
        #expect(p.resources == ["document:*"])
        #expect(p.effect == .deny)
        #expect(p.conditions.map(\.operand) == [.valueFrom("actor.id"), .value(1000.0)])
        #expect(p.marks.action(1).description == "p.yaml:6:32")
    }

    @Test func manyDocumentsInOneFileAreEachAPolicyFile() throws {
        let set = try load(
            """
            namespace: a
            entries: [{name: p, kind: security.policy, policy: {actions: x, resources: x, effect: allow}}]
            ---
            namespace: b
            entries: [{name: p, kind: security.policy, policy: {actions: x, resources: x, effect: allow}}]
            """
        ).get()
        #expect(set.policyIDs == ["a:p", "b:p"])
    }

    @Test func theYAMLLimitsApply() {
        let loader = PolicyLoader(limits: .init(maxBytes: 10))
        let result = loader.load(yaml: "namespace: app\nentries: []\n", file: "big.yaml")
        #expect(result.errors.map(\.code) == [.yaml("file-too-large")])
    }
}
