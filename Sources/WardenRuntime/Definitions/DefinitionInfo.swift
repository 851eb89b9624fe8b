/// The public facts about a registered definition, for gateways (its `security:` block).
public struct DefinitionInfo: Sendable, Hashable {
    /// The definition id.
    public var id: String
    /// The `security:` block, if declared.
    public var security: DefinitionSecurity?

    /// Creates the info.
    public init(id: String, security: DefinitionSecurity?) {
        self.id = id
        self.security = security
    }
}
