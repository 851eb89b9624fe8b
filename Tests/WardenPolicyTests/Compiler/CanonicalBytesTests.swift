import Testing
import WardenTestSupport
import WardenValue

@testable import WardenPolicy

@Suite("canonical bytes for the revision")
struct CanonicalBytesTests {
    @Test func theBytesAreTheValuesCanonicalJSON() {
        var g = SeededGenerator(seed: 42)
        let samples: [Value] =
            [
                "quote \" backslash \\ newline \n tab \t bell \u{07} nul \u{00} del \u{7F} é 😀",
                ["b": 1, "a": [true, nil, 1.5, -0.0, 1e21, 2.5e-8], "é": "x", "Z": ["k": .double(.infinity)]],
            ] + (0..<200).map { _ in RandomCases.value(&g) }
        for value in samples {
            var bytes = CanonicalBytes()
            bytes.write(value)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == value.canonicalJSON)
        }
    }

    @Test func definitionsAreWrittenAsTheirCanonicalValue() {
        var g = SeededGenerator(seed: 7)
        var definitions = RandomCases.definitions(&g)
        definitions[0].meta = ["owner": "platform", "tier": 2, "z": ["a": [1, "b"]]]
        definitions[0].groups = ["t:b", "t:a", "t:b"]
        definitions.append(
            PolicyDefinition(
                namespace: "t", name: "expr", effect: .deny, actions: ["*"], resources: ["x"],
                body: .expression("actor.id == \"u\"")))
        for definition in definitions {
            var bytes = CanonicalBytes()
            PolicyRevision.write(definition, into: &bytes)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == PolicyRevision.canonical(definition).canonicalJSON)
        }
    }
}
