extension LuaPrelude {
    /// The `security` module: `can`, the caller's `actor()` and `scope()`, and actor, scope
    /// and policy values (`new_actor`, `new_scope`, `named_scope`, `policy`) that
    /// `process.with_actor` / `with_scope` take and whose `evaluate` asks the gateway.
    static let security = #"""
        local P, core = ...
        local S = core()
        local setmetatable, getmetatable, type, error, ipairs, pairs = setmetatable, getmetatable, type, error, ipairs, pairs
        local mkerr = S.mkerr

        local function copy(t)
            local out = {}
            for k, v in pairs(t) do out[k] = v end
            return out
        end

        local Actor = {__name = "actor"}
        Actor.__index = {
            id = function(a) return a._id end,
            meta = function(a) return copy(a._meta) end,
        }
        local function make_actor(id, meta) return setmetatable({_id = id, _meta = meta or {}}, Actor) end
        local function plain_actor(actor, level)
            if actor == nil then return nil end
            if getmetatable(actor) == Actor then return {id = actor._id, meta = actor._meta} end
            error("expected an actor (security.actor() or security.new_actor(id, meta)), not " .. type(actor), level + 1)
        end

        local function evaluate(policies, groups, actor, action, resource, meta)
            local answer, err = P.security_evaluate(plain_actor(actor, 3), policies, groups, action, resource, meta)
            if answer == nil then error(err:message(), 3) end
            return answer
        end

        local Policy = {__name = "policy"}
        Policy.__index = {
            id = function(p) return p._id end,
            evaluate = function(p, actor, action, resource, meta) return evaluate({p._id}, {}, actor, action, resource, meta) end,
        }
        local function make_policy(id) return setmetatable({_id = id}, Policy) end
        local function policy_id(policy, level)
            if type(policy) == "string" then return policy end
            if getmetatable(policy) == Policy then return policy._id end
            error("expected a policy (security.policy(id)) or a policy id, not " .. type(policy), level + 1)
        end

        local Scope = {__name = "scope"}
        local ScopeMethods = {}
        Scope.__index = ScopeMethods
        local function make_scope(policies, groups) return setmetatable({_policies = policies, _groups = groups}, Scope) end
        function ScopeMethods:policies()
            local out = {}
            for i, id in ipairs(self._policies) do out[i] = make_policy(id) end
            return out
        end
        function ScopeMethods:groups() return copy(self._groups) end
        function ScopeMethods:contains(policy)
            local id = policy_id(policy, 2)
            for _, known in ipairs(self._policies) do if known == id then return true end end
            return false
        end
        function ScopeMethods:with(policy)
            local id = policy_id(policy, 2)
            local policies = copy(self._policies)
            if not self:contains(id) then policies[#policies + 1] = id end
            return make_scope(policies, self._groups)
        end
        function ScopeMethods:without(policy)
            local id = policy_id(policy, 2)
            local policies = {}
            for _, known in ipairs(self._policies) do if known ~= id then policies[#policies + 1] = known end end
            return make_scope(policies, self._groups)
        end
        function ScopeMethods:evaluate(actor, action, resource, meta)
            return evaluate(self._policies, self._groups, actor, action, resource, meta)
        end

        local security = {}
        function security.can(action, resource, meta)
            if type(action) ~= "string" or type(resource) ~= "string" then
                error("security.can takes an action and a resource string; hint: security.can(\"read\", \"doc:1\")", 2)
            end
            local allowed, err = P.security_can(action, resource, meta)
            if allowed == nil then return false, err end
            return allowed
        end
        function security.actor()
            local actor = P.security_actor()
            if actor == nil then return nil end
            return make_actor(actor.id, actor.meta)
        end
        function security.scope()
            local scope = P.security_scope()
            if scope == nil then return nil end
            return make_scope(scope.policies, scope.groups)
        end
        function security.new_actor(id, meta)
            if type(id) ~= "string" or id == "" then error("security.new_actor takes a non-empty id string", 2) end
            if meta ~= nil and type(meta) ~= "table" then error("actor meta must be a table, not " .. type(meta), 2) end
            return make_actor(id, meta and copy(meta) or {})
        end
        function security.new_scope(policies)
            local ids = {}
            if policies ~= nil then
                if type(policies) ~= "table" then error("security.new_scope takes a list of policies", 2) end
                for i, policy in ipairs(policies) do ids[i] = policy_id(policy, 2) end
            end
            return make_scope(ids, {})
        end
        function security.named_scope(group)
            if type(group) ~= "string" or group == "" then return nil, mkerr("INVALID", "named_scope takes a group id") end
            return make_scope({}, {group})
        end
        function security.policy(id)
            if type(id) ~= "string" or id == "" then return nil, mkerr("INVALID", "policy takes a policy id") end
            return make_policy(id)
        end
        S.security_values = {Actor = Actor, Scope = Scope}
        return security
        """#
}
