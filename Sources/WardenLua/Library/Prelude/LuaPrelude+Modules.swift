extension LuaPrelude {
    /// The `json` module.
    static let json = #"""
        local P = ...
        return {encode = P.json_encode, decode = P.json_decode}
        """#

    /// The `uuid` module.
    static let uuid = #"""
        local P = ...
        return {v4 = P.uuid_v4, v7 = P.uuid_v7}
        """#

    /// The `ctx` module.
    static let ctx = #"""
        local P = ...
        return {get = P.ctx_get, all = P.ctx_all}
        """#
}
