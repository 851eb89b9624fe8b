/// A registered piece of process code, addressed by id (`app.workers:handler`).
public struct ProcessDefinition: Sendable {
    /// The definition id.
    public var id: String
    /// The optional `security:` block.
    public var security: DefinitionSecurity?
    /// The code.
    public var body: ProcessBody

    /// Creates a definition.
    public init(id: String, security: DefinitionSecurity? = nil, body: @escaping ProcessBody) {
        self.id = id
        self.security = security
        self.body = body
    }

    /// What a gateway may read about this definition.
    public var info: DefinitionInfo { DefinitionInfo(id: id, security: security) }
}
