import Foundation
import WardenPolicy

/// Two policy directories for the option tests: `first/` allows `x` on `r` in group `t:first`,
/// `second/` allows everything in group `t:second`; and a working directory whose `policies/`
/// holds both.
struct OptionTree {
    let root: String
    var first: String { "\(root)/first" }
    var second: String { "\(root)/second" }
    /// A working directory holding `policies/` (a copy of both trees).
    var withDefault: String { "\(root)/project" }
    /// A working directory without `policies/`.
    var withoutDefault: String { "\(root)/empty" }

    static let firstPolicy = """
        namespace: t
        entries:
          - name: first_allow
            kind: security.policy
            policy: {actions: "x", resources: "r", effect: allow}
            groups: [first]
        """

    static let secondPolicy = """
        namespace: t
        entries:
          - name: second_allow
            kind: security.policy
            policy: {actions: "*", resources: "*", effect: allow}
            groups: [second]
        """

    init() throws {
        root = try PolicyCLI.temporaryDirectory()
        let manager = FileManager.default
        for directory in [first, second, withDefault + "/policies", withoutDefault] {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try PolicyCLI.write(Self.firstPolicy, to: "first.yaml", in: first)
        try PolicyCLI.write(Self.secondPolicy, to: "second.yaml", in: second)
        try PolicyCLI.write(Self.firstPolicy, to: "first.yaml", in: withDefault + "/policies")
        try PolicyCLI.write(Self.secondPolicy, to: "second.yaml", in: withDefault + "/policies")
    }

    /// The revision of both trees loaded together, as the library computes it.
    func revisionOfBoth() throws -> String {
        try PolicyLoader().load(paths: [first, second]).result.get().revision
    }

    func remove() { PolicyCLI.remove(root) }
}
