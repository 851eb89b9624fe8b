extension LuaPrelude {
    /// The `process` global: an empty table whose fields are made on their first read. The host
    /// makes the calls of spec/process.md section 1 (each is the host function itself, no Lua
    /// wrapper), `process.registry` and `process.event`; for the spawner builder's functions
    /// (``spawnerFunctions``) it answers `false`, and they are made from the spawner piece,
    /// loaded by the first of them. `pairs(process)` makes every field first.
    static let process = #"""
        local P, core = ...
        local rawset, setmetatable, ipairs, next = rawset, setmetatable, ipairs, next

        local spawner_methods, new_spawner
        local function field(t, name)
            local value = P.process_field(name)
            if value == false then
                if not new_spawner then spawner_methods, new_spawner = P.piece("spawner")(P, core) end
                local method = spawner_methods[name]
                value = function(...) return method(new_spawner({}), ...) end
            end
            if value ~= nil then rawset(t, name, value) end
            return value
        end

        process = setmetatable({}, {
            __index = field,
            __pairs = function(t)
                for _, name in ipairs(P.process_names()) do local _ = t[name] end
                return next, t, nil
            end,
        })
        """#

    /// The functions of the `process` table that start a spawner builder: each calls the
    /// spawner method of the same name on a new spawner.
    static let spawnerFunctions: Set = ["with_actor", "with_context", "with_message", "with_name", "with_scope"]

    /// The names of the `process` table's fields that are not host functions
    /// (``LuaFunctionID/processFields``): `pairs(process)` lists them too.
    static let processTableNames = ["event", "registry"] + spawnerFunctions.sorted()
}
