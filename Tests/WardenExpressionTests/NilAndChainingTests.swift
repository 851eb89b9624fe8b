import Testing
import WardenExpression
import WardenValue

@Suite("names, members, nil and optional chaining")
struct NilAndChainingTests {
    static let actor = Actor(id: "user:1", meta: ["role": "editor", "org": ["id": "acme"]])
    static let env = environment(
        actor: actor, action: "write", resource: "doc:9", meta: ["n": 3, "list": [10, 20, 30], "m": ["k": "v"]])

    @Test(
        "names and members read the environment",
        arguments: [
            ("actor.id", Value.string("user:1")), ("actor.meta.role", .string("editor")),
            ("actor.meta.org.id", .string("acme")),
            ("actor[\"id\"]", .string("user:1")), ("actor.meta[\"role\"]", .string("editor")),
            ("action", .string("write")),
            ("resource", .string("doc:9")), ("meta.n", .int(3)), ("meta[\"m\"].k", .string("v")),
            ("meta.list[0]", .int(10)),
            ("meta.list[-1]", .int(30)), ("meta.missing", .null), ("actor.meta.missing", .null),
            ("undefinedName", .null),
            ("actor", .map(["id": "user:1", "meta": ["role": "editor", "org": ["id": "acme"]]])),
        ])
    func reads(source: String, expected: Value) throws {
        #expect(try value(source, Self.env) == expected)
    }

    @Test("the actor has only id and meta")
    func actorMembers() throws {
        for source in ["actor.ID", "actor.name", "actor[\"roles\"]", "actor?.Meta"] {
            let error = try #require(try evaluationError(source, Self.env), "\(source)")
            #expect(error.kind == .unknownMember)
            #expect(error.position.column == 6 || error.position.column == 7)
        }
        #expect(try evaluationError("actor.name", Self.env)?.message.contains("actor.meta.name") == true)
    }

    @Test("an absent actor is nil: member access fails, ?. gives nil")
    func absentActor() throws {
        let env = environment(actor: nil)
        #expect(try value("actor == nil", env) == .bool(true))
        #expect(try evaluationError("actor.id", env)?.kind == .nilMember)
        #expect(try value("actor?.id", env) == .null)
        #expect(try value("actor?.meta.role", env) == .null)
        #expect(try value("actor?.id ?? \"anonymous\"", env) == .string("anonymous"))
    }

    @Test("member access on nil is an error that names the nil part")
    func nilMember() throws {
        let error = try #require(try evaluationError("meta.missing.x == 1", Self.env))
        #expect(error.kind == .nilMember)
        #expect(error.message.contains("`meta.missing` is nil"))
        #expect(error.position == SourcePosition(line: 1, column: 13))
        #expect(try evaluationError("meta.missing[0]", Self.env)?.kind == .nilMember)
    }

    @Test("?. short-circuits the rest of the chain")
    func optionalChain() throws {
        #expect(try value("meta.missing?.a.b.c", Self.env) == .null)
        #expect(try value("meta.missing?.[0]", Self.env) == .null)
        #expect(try value("meta?.m?.k", Self.env) == .string("v"))
        // A non-optional link after a present-but-nil member still fails.
        #expect(try evaluationError("meta?.missing.x", Self.env)?.kind == .nilMember)
        // Parentheses end the chain: the outer access sees nil.
        #expect(try evaluationError("(meta.missing?.a).b", Self.env)?.kind == .nilMember)
    }

    @Test(
        "indexing errors",
        arguments: [
            ("meta.list[3]", ExpressionError.Kind.indexOutOfRange), ("meta.list[-4]", .indexOutOfRange),
            ("meta.list[\"0\"]", .type),
            ("meta.list[1.0]", .type), ("meta.m[1]", .type), ("meta.n.x", .type), ("action[0]", .type),
            ("meta.list.x", .type),
        ])
    func indexing(source: String, kind: ExpressionError.Kind) throws {
        #expect(try evaluationError(source, Self.env)?.kind == kind)
    }
}
