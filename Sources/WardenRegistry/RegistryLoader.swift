import Foundation
import WardenPolicy
import WardenYAML

/// Loads a registry tree: the same `namespace` / `entries` YAML files as policies, found by the
/// same rules and parsed once, yielding the policies and the Lua entries, hosts and services.
public struct RegistryLoader: Sendable {
    /// The limits YAML parsing enforces per file.
    public var limits: YAMLLimits

    /// Creates a loader.
    public init(limits: YAMLLimits = .default) { self.limits = limits }

    /// Loads files and directories (the rules of `PolicyLoader.files(in:)`).
    public func load(paths: [String]) -> RegistryTree {
        let policyLoader = PolicyLoader(limits: limits, allowsEmpty: true)
        let list = policyLoader.files(in: paths)
        var tree = RegistryTree()
        tree.policies.diagnostics = list.diagnostics
        tree.policies.files = list.files
        if list.files.isEmpty, !list.diagnostics.containsErrors {
            tree.diagnostics.append(
                .error(
                    .noPolicyFiles, at: Mark(file: paths.first ?? "<none>", line: 1, column: 1),
                    "no registry file (`*.yaml`, `*.yml`) found",
                    hint: "give the directory of the application's YAML files"))
        }
        let parser = YAMLParser(limits: limits)
        for file in list.files {
            do {
                for document in try parser.parseFile(at: file) {
                    read(document: document, file: file, into: &tree, policyLoader: policyLoader)
                }
            } catch {
                tree.policies.diagnostics.append(
                    PolicyDiagnostic(
                        .error, .yaml(error.code.rawValue), at: error.mark, error.message, hint: error.hint))
            }
        }
        RegistryReferences.check(&tree)
        return tree
    }

    private func read(document: YAMLNode, file: String, into tree: inout RegistryTree, policyLoader: PolicyLoader) {
        guard document.mappingPairs != nil else {
            tree.diagnostics.append(
                .error(
                    .invalidDocument, at: document.mark,
                    "a registry file must be a mapping with `namespace` and `entries`, found \(document.kindName)",
                    hint: "start the file with `namespace: <name>`"))
            return
        }
        guard let namespace = document[key: "namespace"]?.value.scalarText, !namespace.isEmpty else {
            tree.diagnostics.append(
                .error(
                    .missingNamespace, at: document.mark, "the file has no `namespace`",
                    hint: "add `namespace: <name>` at the top; entry ids are `namespace:name`"))
            return
        }
        guard let entries = document[key: "entries"]?.value, !entries.isNull else { return }
        tree.policies.append(policyLoader.read(entries: entries, namespace: namespace))
        var reader = RegistryEntryReader(namespace: namespace, directory: (file as NSString).deletingLastPathComponent)
        for entry in entries.sequenceItems ?? [] { reader.read(entry) }
        tree.luaEntries += reader.luaEntries
        tree.hosts += reader.hosts
        tree.services += reader.services
        tree.diagnostics += reader.diagnostics
        tree.ignoredKinds.merge(reader.ignoredKinds, uniquingKeysWith: +)
    }
}
