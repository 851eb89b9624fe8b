import Foundation
import WardenLua
import WardenPolicy
import WardenRuntime
import WardenValue
import WardenYAML

/// Reads the non-policy entries of one file's `entries` list.
struct RegistryEntryReader {
    let namespace: String
    let directory: String
    var luaEntries: [LuaEntry] = []
    var hosts: [HostEntry] = []
    var services: [ServiceEntry] = []
    var ignoredKinds: [String: Int] = [:]
    var diagnostics: [PolicyDiagnostic] = []

    init(namespace: String, directory: String) {
        self.namespace = namespace
        self.directory = directory
    }

    /// The policy kinds, read by the policy loader.
    static let policyKinds: Set<String> = ["security.policy", "security.policy.expr"]

    mutating func read(_ node: YAMLNode) {
        guard node.mappingPairs != nil, let kind = node[key: "kind"]?.value.scalarText,
            !Self.policyKinds.contains(kind)
        else { return }  // policy entries and malformed entries are the policy loader's to report
        guard let name = node[key: "name"]?.value.scalarText, !name.isEmpty else {
            if ["process.lua", "function.lua", "library.lua", "process.host", "terminal.host", "process.service"]
                .contains(kind)
            {
                error(.missingKey, node.mark, "entry of kind `\(kind)` has no `name`", hint: "add `name: <name>`")
            }
            return
        }
        let id = "\(namespace):\(name)"
        switch kind {
        case "process.lua": readLua(node, id: id, kind: .process)
        case "function.lua": readLua(node, id: id, kind: .function)
        case "library.lua": readLua(node, id: id, kind: .library)
        case "process.host", "terminal.host":
            var maxProcesses: Int?
            if let value = node[key: "host"]?.value[key: "max_processes"]?.value {
                if case .int(let n)? = try? value.value, n > 0 {
                    maxProcesses = n
                } else {
                    error(
                        .invalidValue, value.mark,
                        "`max_processes` must be a positive integer, found \(value.kindName)",
                        hint: "write `max_processes: 100`")
                }
            }
            hosts.append(HostEntry(id: id, isTerminal: kind == "terminal.host", maxProcesses: maxProcesses))
        case "process.service": readService(node, id: id)
        default: ignoredKinds[kind, default: 0] += 1
        }
    }

    private mutating func readLua(_ node: YAMLNode, id: String, kind: LuaEntryKind) {
        guard let sourceNode = node[key: "source"]?.value else {
            return error(
                .missingKey, node.mark, "entry \(UserText.quoted(id)) has no `source`",
                hint: "add `source: file://main.lua`")
        }
        guard let text = sourceNode.scalarText, text.hasPrefix("file://"), text.count > 7 else {
            return error(
                .invalidValue, sourceNode.mark, "`source` must be `file://PATH`, found \(sourceNode.kindName)",
                hint: "write `source: file://main.lua` (relative to this YAML file)")
        }
        let relative = String(text.dropFirst(7))
        let path = relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative)
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            return error(
                .ioError, sourceNode.mark, "cannot read the source file \(UserText.quoted(path))",
                hint: "check the path; it is relative to the YAML file")
        }
        var method: String?
        if let methodNode = node[key: "method"]?.value {
            guard let name = methodNode.scalarText, Self.isLuaName(name) else {
                return error(
                    .invalidValue, methodNode.mark,
                    "`method` must be the name of a Lua function, found \(methodNode.scalarText.map(UserText.quoted) ?? methodNode.kindName)",
                    hint: "write `method: main`")
            }
            method = name
        } else if kind != .library {
            return error(
                .missingKey, node.mark, "entry \(UserText.quoted(id)) has no `method`", hint: "add `method: main`")
        }
        let modules = strings(node[key: "modules"]?.value, field: "modules")
        for (module, mark) in modules where !LuaHostModules.names.contains(module) {
            diagnostics.append(
                .warning(
                    .invalidValue, at: mark,
                    "module \(UserText.quoted(module)) in the `modules` of entry \(UserText.quoted(id)) is not provided by warden",
                    hint: "a `require` of it fails when it runs"))
        }
        var imports: [String: String] = [:]
        if let importsNode = node[key: "imports"]?.value, !importsNode.isNull {
            guard let pairs = importsNode.mappingPairs else {
                return error(
                    .invalidValue, importsNode.mark, "`imports` must be a mapping, found \(importsNode.kindName)",
                    hint: "write `imports: {helpers: app.lib:helpers}`")
            }
            for pair in pairs {
                guard let key = pair.key.scalarText, let target = pair.value.scalarText, !target.isEmpty else {
                    error(
                        .invalidValue, pair.value.mark, "an import must map a name to an entry id",
                        hint: "write `helpers: app.lib:helpers`")
                    continue
                }
                imports[key] = target.contains(":") ? target : "\(namespace):\(target)"
            }
        }
        var meta: [String: Value] = [:]
        if let metaNode = node[key: "meta"]?.value, case .map(let map)? = try? metaNode.value { meta = map }
        let security = node[key: "security"].map { readSecurity($0.value) } ?? nil
        luaEntries.append(
            LuaEntry(
                id: id, kind: kind, sourcePath: path, source: source, method: method, modules: modules.map(\.0),
                imports: imports, meta: meta, security: security, mark: node.mark))
    }

    private mutating func readService(_ node: YAMLNode, id: String) {
        guard let process = node[key: "process"]?.value.scalarText, !process.isEmpty else {
            return error(
                .missingKey, node.mark, "service \(UserText.quoted(id)) has no `process`",
                hint: "add `process: app:worker`")
        }
        guard let host = node[key: "host"]?.value.scalarText, !host.isEmpty else {
            return error(
                .missingKey, node.mark, "service \(UserText.quoted(id)) has no `host`",
                hint: "add `host: app:processes`")
        }
        let lifecycle = node[key: "lifecycle"]?.value
        let autoStart = lifecycle?[key: "auto_start"].flatMap { try? $0.value.value } == .bool(true)
        var restart = RestartPolicy()
        if let restartNode = lifecycle?[key: "restart"]?.value {
            if case .int(let n)? = restartNode[key: "max_attempts"].flatMap({ try? $0.value.value }), n >= 0 {
                restart.maxAttempts = n
            }
            if let delay = duration(restartNode[key: "initial_delay"]?.value) { restart.initialDelay = delay }
            if let delay = duration(restartNode[key: "max_delay"]?.value) { restart.maxDelay = delay }
            switch restartNode[key: "backoff_factor"].flatMap({ try? $0.value.value }) {
            case .int(let n)? where n >= 1: restart.backoffFactor = Double(n)
            case .double(let x)? where x >= 1: restart.backoffFactor = x
            default: break
            }
            if let jitterNode = restartNode[key: "jitter"]?.value {
                switch try? jitterNode.value {
                case .int(let n)? where n == 0 || n == 1: restart.jitter = Double(n)
                case .double(let x)? where x >= 0 && x <= 1: restart.jitter = x
                default:
                    error(
                        .invalidValue, jitterNode.mark,
                        "`jitter` must be a fraction from 0 to 1, found \(jitterNode.kindName)",
                        hint: "write `jitter: 0.1` for ±10 %")
                }
            }
        }
        let security = lifecycle?[key: "security"].map { readSecurity($0.value) } ?? nil
        let qualify = { [namespace] (name: String) in name.contains(":") ? name : "\(namespace):\(name)" }
        var service = ServiceEntry(
            id: id, process: qualify(process), host: qualify(host), autoStart: autoStart, restart: restart,
            security: security, mark: node.mark)
        for key in ["requires", "depends_on"] {
            service.requires += strings(lifecycle?[key: key]?.value, field: key).map { qualify($0.0) }
        }
        if let timeout = duration(lifecycle?[key: "stop_timeout"]?.value) { service.stopTimeout = timeout }
        if let threshold = duration(lifecycle?[key: "stable_threshold"]?.value) { service.stableThreshold = threshold }
        services.append(service)
    }

    /// `security: {actor: {id, meta}, groups, policies}`; group and policy names are checked
    /// against the tree's policies once every file is read.
    private mutating func readSecurity(_ node: YAMLNode) -> DefinitionSecurity? {
        guard node.mappingPairs != nil else { return nil }
        var actor: Actor?
        if let actorNode = node[key: "actor"]?.value, let actorID = actorNode[key: "id"]?.value.scalarText {
            var meta: [String: Value] = [:]
            if let metaNode = actorNode[key: "meta"]?.value, case .map(let map)? = try? metaNode.value { meta = map }
            actor = Actor(id: actorID, meta: meta)
        }
        let groups = strings(node[key: "groups"]?.value, field: "groups")
        let policies = strings(node[key: "policies"]?.value, field: "policies")
        let namespace = namespace
        let qualify = { (name: String) in name.contains(":") ? name : "\(namespace):\(name)" }
        return DefinitionSecurity(
            actor: actor, policies: policies.map { qualify($0.0) }, groups: groups.map { qualify($0.0) })
    }

    private mutating func strings(_ node: YAMLNode?, field: String) -> [(String, Mark)] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequenceItems else {
            error(
                .invalidValue, node.mark, "`\(field)` must be a list of strings, found \(node.kindName)",
                hint: "write `\(field): [a, b]`")
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalarText, !text.isEmpty else {
                error(
                    .invalidValue, item.mark,
                    "an item of `\(field)` must be a non-empty string, found \(item.kindName)", hint: nil)
                return nil
            }
            return (text, item.mark)
        }
    }

    private mutating func duration(_ node: YAMLNode?) -> Duration? {
        guard let node else { return nil }
        if let text = node.scalarText, let parsed = RegistryDuration.parse(text) { return parsed }
        error(
            .invalidValue, node.mark, "invalid duration \(node.scalarText.map(UserText.quoted) ?? node.kindName)",
            hint: "write numbers with units: `500ms`, `1s`, `2m`, `1h30m`")
        return nil
    }

    static func isLuaName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }

    private mutating func error(_ code: DiagnosticCode, _ mark: Mark, _ message: String, hint: String?) {
        diagnostics.append(.error(code, at: mark, message, hint: hint))
    }
}
