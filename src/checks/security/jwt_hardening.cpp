// Probe sec.jwt_hardening: are JWTs verified with pinned algorithms, signed with an
// expiry, never decoded unverified for an auth decision, and keyed with a secret
// that is not a literal or a literal fallback? jsonwebtoken, jose, express-jwt,
// passport-jwt, @nestjs/jwt, PyJWT/python-jose, golang-jwt, jwx; NextAuth defaults.
#include <set>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/codesec_probes.hpp"
#include "checks/security/codesec_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace codesec;

struct Acc {
    std::vector<Evidence> bad;
    std::vector<Evidence> good;
    std::vector<Evidence> undecided;
    bool nextauth = false;
    bool library_default = false;  // flask-jwt-extended / simplejwt defaults
    std::string default_note;
};

bool imports_any(const std::vector<std::string>& imps, std::initializer_list<std::string_view> mods) {
    for (const auto& i : imps)
        for (auto m : mods)
            if (i == m || str::starts_with(i, std::string(m) + "/") || str::starts_with(i, std::string(m) + "."))
                return true;
    return false;
}

// Evidence whose snippet has a secret literal masked.
Evidence masked(const File& f, TSNode n, const std::string& secret, std::string note) {
    Evidence e = node_evidence(f, n, std::move(note));
    if (!secret.empty()) {
        std::size_t pos;
        while ((pos = e.snippet.find(secret)) != std::string::npos) e.snippet.replace(pos, secret.size(), str::mask(secret));
    }
    return e;
}

// Resolve an identifier to the value it is bound to anywhere in the file (first binding).
TSNode resolve(const File& f, TSNode n) {
    n = unwrap(n);
    for (int i = 0; i < 3 && is(n, "identifier"); ++i) {
        auto as = assignments_to(f, sx::root(f), sx::text(f, n));
        if (as.empty()) break;
        n = unwrap(as.front().value);
    }
    return n;
}

// A secret argument: a literal, a constant, or an env read with a literal fallback is a finding.
void judge_secret(const File& f, TSNode at, TSNode secret, Acc& acc) {
    TSNode v = resolve(f, secret);
    if (ts_node_is_null(v)) return;
    if (sx::is_string_literal(v)) {
        const std::string s = sx::string_value(f, v);
        acc.bad.push_back(masked(f, at, s,
                                 fmt::format("JWT secret is a literal in code ({} characters{})", s.size(),
                                             s.size() < 32 ? ", shorter than 32" : "")));
        return;
    }
    const std::string_view t = sx::type(v);
    // process.env.X || 'dev-secret' / process.env.X ?? 'x'
    if (t == "binary_expression" || t == "boolean_operator") {
        TSNode r = unwrap(child(v, "right"));
        if (sx::is_string_literal(r)) {
            const std::string s = sx::string_value(f, r);
            acc.bad.push_back(masked(f, at, s, "JWT secret falls back to a literal when the environment variable is unset"));
        }
        return;
    }
    // os.getenv("X", "dev") / os.environ.get("X", "dev")
    if (t == "call") {
        const std::string callee(sx::text(f, child(v, "function")));
        auto args = named_children(child(v, "arguments"));
        if ((callee == "os.getenv" || callee == "os.environ.get") && args.size() >= 2 && sx::is_string_literal(args[1])) {
            const std::string s = sx::string_value(f, args[1]);
            acc.bad.push_back(masked(f, at, s, "JWT secret falls back to a literal when the environment variable is unset"));
        }
        return;
    }
    // Go []byte("literal")
    if (t == "call_expression" || t == "type_conversion_expression") {
        auto args = named_children(is(v, "call_expression") ? child(v, "arguments") : v);
        const std::string_view fn = sx::text(f, is(v, "call_expression") ? child(v, "function") : child(v, "type"));
        if (fn == "[]byte" && !args.empty()) {
            TSNode a = resolve(f, args.back());
            if (sx::is_string_literal(a)) {
                const std::string s = sx::string_value(f, a);
                acc.bad.push_back(masked(f, at, s, fmt::format("JWT signing key is a literal in code ({} characters)", s.size())));
            }
        }
    }
}

bool array_has_none(const File& f, TSNode arr) {
    bool none = false;
    sx::walk(arr, [&](TSNode n) {
        if (sx::is_string_literal(n) && ieq(sx::string_value(f, n), "none")) none = true;
        return !none;
    });
    return none;
}

// ---- JavaScript ----

void js_file(const File& f, Acc& acc) {
    const auto imps = sx::imports(f);
    const bool jsonwebtoken = imports_any(imps, {"jsonwebtoken"});
    const bool jose = imports_any(imps, {"jose"});
    const bool express_jwt = imports_any(imps, {"express-jwt"});
    const bool passport_jwt = imports_any(imps, {"passport-jwt"});
    const bool nest_jwt = imports_any(imps, {"@nestjs/jwt"});
    if (imports_any(imps, {"next-auth", "@auth/core", "@auth/nextjs"})) acc.nextauth = true;
    TSNode root = sx::root(f);
    if (jsonwebtoken || nest_jwt || f.text.find("jwtService") != std::string::npos) {
        for (const auto& c : sx::calls(f, root)) {
            const std::string recv = str::lower(c.callee.substr(0, c.callee.size() - c.name.size()));
            const bool lib = (jsonwebtoken && (recv.empty() || str::contains(recv, "jwt") || str::contains(recv, "jsonwebtoken"))) ||
                             str::contains(recv, "jwtservice");
            if (!lib) continue;
            auto args = positional_args(c);
            if (c.name == "verify" || c.name == "verifyAsync") {
                const bool nest = str::contains(recv, "jwtservice");
                if (args.size() >= 2 && !nest) judge_secret(f, c.node, args[1], acc);
                TSNode opts = args.size() >= (nest ? 2u : 3u) ? resolve(f, args[nest ? 1 : 2]) : TSNode{};
                if (nest && ts_node_is_null(opts)) continue;  // JwtModule verifyOptions decide (checked at register)
                if (is(opts, "object")) {
                    TSNode algs = object_value(f, opts, "algorithms");
                    if (ts_node_is_null(algs))
                        acc.bad.push_back(node_evidence(f, c.node, "jwt.verify without an `algorithms` allowlist"));
                    else if (array_has_none(f, algs))
                        acc.bad.push_back(node_evidence(f, c.node, "jwt.verify accepts the 'none' algorithm"));
                    else
                        acc.good.push_back(node_evidence(f, c.node, "verify pins algorithms"));
                } else if (ts_node_is_null(opts) || is(opts, "arrow_function") || is(opts, "function_expression") ||
                           is(opts, "function")) {
                    acc.bad.push_back(node_evidence(f, c.node, "jwt.verify without an `algorithms` allowlist"));
                } else {
                    acc.undecided.push_back(node_evidence(f, c.node, "verify options could not be resolved"));
                }
            } else if (c.name == "sign" || c.name == "signAsync") {
                const bool nest = str::contains(recv, "jwtservice");
                if (args.size() >= 2 && !nest) judge_secret(f, c.node, args[1], acc);
                TSNode opts = args.size() >= (nest ? 2u : 3u) ? resolve(f, args[nest ? 1 : 2]) : TSNode{};
                if (nest && ts_node_is_null(opts)) continue;  // JwtModule signOptions decide
                TSNode payload = args.empty() ? TSNode{} : resolve(f, args[0]);
                const bool opts_exp = is(opts, "object") && object_has_key(f, opts, "expiresIn");
                const bool payload_exp = is(payload, "object") && object_has_key(f, payload, "exp");
                TSNode alg = is(opts, "object") ? object_value(f, opts, "algorithm") : TSNode{};
                if (!ts_node_is_null(alg) && ieq(sx::string_value(f, alg), "none")) {
                    acc.bad.push_back(node_evidence(f, c.node, "token signed with the 'none' algorithm"));
                } else if (opts_exp || payload_exp) {
                    acc.good.push_back(node_evidence(f, c.node, "token signed with an expiry"));
                } else if (!is(payload, "object") && str::contains(sx::text(f, scope_of(f, c.node)), "exp")) {
                    acc.undecided.push_back(node_evidence(f, c.node, "expiry may be set on the payload elsewhere"));
                } else {
                    acc.bad.push_back(node_evidence(f, c.node, "jwt.sign without expiresIn / exp: the token never expires"));
                }
            } else if (c.name == "decode" && !str::contains(recv, "jwtservice")) {
                // decode() does not verify: a finding when its result makes an auth decision.
                TSNode fn = sx::enclosing_function(c.node);
                TSNode scope = ts_node_is_null(fn) ? root : fn;
                bool verifies = false;
                for (const auto& k : sx::calls(f, scope))
                    if (k.name == "verify" || k.name == "jwtVerify" || k.name == "verifyAsync") verifies = true;
                const std::string name = str::lower(function_name(f, fn));
                bool auth_use = false;
                for (std::string_view w : {"auth", "verify", "session", "user", "current", "guard", "protect", "require"})
                    if (str::contains(name, w)) auth_use = true;
                const std::string_view body = sx::text(f, scope);
                if (str::contains(body, "req.user =") || str::contains(body, "request.user =") ||
                    str::contains(body, "ctx.state.user ="))
                    auth_use = true;
                if (!verifies && auth_use)
                    acc.bad.push_back(node_evidence(f, c.node, "jwt.decode (no signature check) used for authentication"));
            }
        }
    }
    if (jose) {
        for (const auto& c : sx::calls(f, root)) {
            if (c.name == "jwtVerify") {
                auto args = positional_args(c);
                TSNode opts = args.size() >= 3 ? resolve(f, args[2]) : TSNode{};
                TSNode algs = is(opts, "object") ? object_value(f, opts, "algorithms") : TSNode{};
                if (!ts_node_is_null(algs) && array_has_none(f, algs))
                    acc.bad.push_back(node_evidence(f, c.node, "jwtVerify accepts the 'none' algorithm"));
                else
                    acc.good.push_back(node_evidence(f, c.node, "jose jwtVerify checks the signature with a typed key"));
            } else if (c.name == "sign" && str::contains(c.callee, "SignJWT")) {
                if (str::contains(c.callee, "setExpirationTime"))
                    acc.good.push_back(node_evidence(f, c.node, "SignJWT sets an expiration time"));
                else
                    acc.bad.push_back(node_evidence(f, c.node, "SignJWT without setExpirationTime: the token never expires"));
                auto args = positional_args(c);
                if (!args.empty()) {
                    TSNode key = resolve(f, args[0]);
                    // new TextEncoder().encode('literal')
                    if (is(key, "call_expression") && str::ends_with(sx::text(f, child(key, "function")), "encode")) {
                        auto ka = named_children(child(key, "arguments"));
                        if (!ka.empty()) judge_secret(f, c.node, ka[0], acc);
                    }
                }
            } else if (c.name == "decodeJwt") {
                TSNode fn = sx::enclosing_function(c.node);
                const std::string name = str::lower(function_name(f, fn));
                if (str::contains(name, "auth") || str::contains(name, "verify") || str::contains(name, "session"))
                    acc.bad.push_back(node_evidence(f, c.node, "decodeJwt (no signature check) used for authentication"));
            }
        }
        if (f.text.find("UnsecuredJWT") != std::string::npos)
            acc.bad.push_back(f.evidence_at(f.text.find("UnsecuredJWT"), "unsigned JWTs (UnsecuredJWT)"));
    }
    if (express_jwt || passport_jwt || nest_jwt) {
        sx::walk(root, [&](TSNode n) {
            const std::string_view t = sx::type(n);
            TSNode opts{};
            std::string what;
            if (t == "call_expression") {
                const std::string_view fn = sx::text(f, child(n, "function"));
                auto args = named_children(child(n, "arguments"));
                if (express_jwt && (fn == "expressjwt" || fn == "expressJwt" || fn == "jwt") && !args.empty()) {
                    opts = resolve(f, args[0]);
                    what = "express-jwt";
                } else if (nest_jwt && (fn == "JwtModule.register") && !args.empty()) {
                    opts = resolve(f, args[0]);
                    what = "JwtModule";
                }
            } else if (t == "new_expression" && passport_jwt) {
                const std::string_view ctor = sx::text(f, child(n, "constructor"));
                auto args = named_children(child(n, "arguments"));
                if ((ctor == "JwtStrategy" || ctor == "Strategy") && !args.empty()) {
                    opts = resolve(f, args[0]);
                    what = "passport-jwt";
                }
            } else if (t == "call_expression" || t == "class_declaration") {
                // super({ secretOrKey, ... }) in a Nest PassportStrategy(Strategy) subclass
            }
            if (!is(opts, "object")) {
                if (t == "call_expression" && passport_jwt && sx::text(f, child(n, "function")) == "super") {
                    auto args = named_children(child(n, "arguments"));
                    if (!args.empty() && is(unwrap(args[0]), "object")) {
                        opts = unwrap(args[0]);
                        what = "passport-jwt";
                    }
                }
                if (!is(opts, "object")) return true;
            }
            TSNode secret = object_value(f, opts, what == "passport-jwt" ? "secretOrKey" : "secret");
            if (!ts_node_is_null(secret) && !is(secret, "shorthand_property_identifier")) judge_secret(f, n, secret, acc);
            if (what == "JwtModule") {
                TSNode so = object_value(f, opts, "signOptions");
                if (!is(so, "object") || !object_has_key(f, so, "expiresIn"))
                    acc.bad.push_back(node_evidence(f, n, "JwtModule without signOptions.expiresIn: tokens never expire"));
                TSNode vo = object_value(f, opts, "verifyOptions");
                if (!is(vo, "object") || !object_has_key(f, vo, "algorithms"))
                    acc.bad.push_back(node_evidence(f, n, "JwtModule without verifyOptions.algorithms"));
                else
                    acc.good.push_back(node_evidence(f, n, "JwtModule pins algorithms and expiry"));
            } else {
                TSNode algs = object_value(f, opts, "algorithms");
                if (ts_node_is_null(algs))
                    acc.bad.push_back(node_evidence(f, n, fmt::format("{} without an `algorithms` allowlist", what)));
                else if (array_has_none(f, algs))
                    acc.bad.push_back(node_evidence(f, n, fmt::format("{} accepts the 'none' algorithm", what)));
                else
                    acc.good.push_back(node_evidence(f, n, fmt::format("{} pins algorithms", what)));
            }
            return true;
        });
    }
    // NextAuth options with a literal secret.
    if (acc.nextauth || f.text.find("NextAuth") != std::string::npos) {
        sx::walk(root, [&](TSNode n) {
            if (!is(n, "object") || !object_has_key(f, n, "providers")) return true;
            TSNode secret = object_value(f, n, "secret");
            if (!ts_node_is_null(secret) && !is(secret, "shorthand_property_identifier")) judge_secret(f, secret, secret, acc);
            acc.nextauth = true;
            return false;
        });
    }
}

// ---- Python ----

void py_file(const File& f, Acc& acc) {
    const auto imps = sx::imports(f);
    const bool pyjwt = imports_any(imps, {"jwt", "jose"});
    const bool flask_jwt = imports_any(imps, {"flask_jwt_extended"});
    const bool simplejwt = imports_any(imps, {"rest_framework_simplejwt"});
    TSNode root = sx::root(f);
    if (flask_jwt || simplejwt) {
        acc.library_default = true;
        acc.default_note = flask_jwt ? "flask-jwt-extended (HS256, 15-minute access tokens by default)"
                                     : "djangorestframework-simplejwt (HS256, 5-minute access tokens by default)";
    }
    // Config: JWT_SECRET_KEY = "x", "SIGNING_KEY": "x", JWT_ACCESS_TOKEN_EXPIRES = False
    if (f.text.find("JWT_") != std::string::npos || f.text.find("SIGNING_KEY") != std::string::npos) {
        sx::walk(root, [&](TSNode n) {
            if (is(n, "assignment")) {
                const std::string_view left = sx::text(f, child(n, "left"));
                TSNode right = unwrap(child(n, "right"));
                if ((str::contains(left, "JWT_SECRET_KEY")) && !ts_node_is_null(right)) judge_secret(f, n, right, acc);
                if (str::contains(left, "JWT_ACCESS_TOKEN_EXPIRES") && is_false(f, right))
                    acc.bad.push_back(node_evidence(f, n, "access tokens configured never to expire"));
            } else if (is(n, "pair")) {
                TSNode k = child(n, "key");
                if (sx::is_string_literal(k) && sx::string_value(f, k) == "SIGNING_KEY") judge_secret(f, n, child(n, "value"), acc);
            }
            return true;
        });
    }
    if (!pyjwt) return;
    for (const auto& c : sx::calls(f, root)) {
        if (c.callee != "jwt.decode" && c.callee != "jwt.encode" && c.callee != "jose.jwt.decode" &&
            c.callee != "jose.jwt.encode")
            continue;
        auto args = positional_args(c);
        if (c.name == "decode") {
            TSNode opts = kwarg(f, c, "options");
            TSNode verify = kwarg(f, c, "verify");
            if ((!ts_node_is_null(opts) && str::contains(sx::text(f, opts), "verify_signature") &&
                 str::contains(sx::text(f, opts), "False")) ||
                (!ts_node_is_null(verify) && is_false(f, verify))) {
                acc.bad.push_back(node_evidence(f, c.node, "jwt.decode with signature verification turned off"));
                continue;
            }
            if (args.size() >= 2) judge_secret(f, c.node, args[1], acc);
            TSNode algs = kwarg(f, c, "algorithms");
            if (ts_node_is_null(algs))
                acc.bad.push_back(node_evidence(f, c.node, "jwt.decode without algorithms=[...]"));
            else if (array_has_none(f, algs))
                acc.bad.push_back(node_evidence(f, c.node, "jwt.decode accepts the 'none' algorithm"));
            else
                acc.good.push_back(node_evidence(f, c.node, "decode pins algorithms"));
        } else {
            if (args.size() >= 2) judge_secret(f, c.node, args[1], acc);
            TSNode alg = kwarg(f, c, "algorithm");
            if (!ts_node_is_null(alg) && ieq(sx::string_value(f, alg), "none")) {
                acc.bad.push_back(node_evidence(f, c.node, "token signed with the 'none' algorithm"));
                continue;
            }
            TSNode payload = args.empty() ? TSNode{} : resolve(f, args[0]);
            if (is(payload, "dictionary")) {
                bool exp = false;
                for (TSNode p : named_children(payload))
                    if (is(p, "pair") && sx::string_value(f, child(p, "key")) == "exp") exp = true;
                if (exp) acc.good.push_back(node_evidence(f, c.node, "token signed with an exp claim"));
                else acc.bad.push_back(node_evidence(f, c.node, "jwt.encode payload without an exp claim: the token never expires"));
            } else if (str::contains(sx::text(f, scope_of(f, c.node)), "\"exp\"") ||
                       str::contains(sx::text(f, scope_of(f, c.node)), "'exp'")) {
                acc.good.push_back(node_evidence(f, c.node, "exp claim set before signing"));
            } else {
                acc.bad.push_back(node_evidence(f, c.node, "jwt.encode payload without an exp claim: the token never expires"));
            }
        }
    }
}

// ---- Go ----

void go_file(const File& f, Acc& acc) {
    const auto imps = sx::imports(f);
    bool golang_jwt = false, jwx = false;
    for (const auto& i : imps) {
        if (str::contains(i, "golang-jwt/jwt") || str::contains(i, "dgrijalva/jwt-go") || str::contains(i, "form3tech-oss/jwt-go"))
            golang_jwt = true;
        if (str::contains(i, "lestrrat-go/jwx")) jwx = true;
    }
    if (!golang_jwt && !jwx) return;
    TSNode root = sx::root(f);
    const bool valid_methods_anywhere = f.text.find("WithValidMethods") != std::string::npos;
    for (const auto& c : sx::calls(f, root)) {
        auto args = positional_args(c);
        if (jwx) {
            if (c.name == "WithVerify" && !args.empty() && is_false(f, args[0]))
                acc.bad.push_back(node_evidence(f, c.node, "jwx parse with verification turned off"));
            else if ((c.name == "Parse" || c.name == "ParseString" || c.name == "ParseRequest") && str::starts_with(c.callee, "jwt.")) {
                const std::string_view t = sx::text(f, c.arguments);
                if (str::contains(t, "WithKey") || str::contains(t, "WithKeySet") || str::contains(t, "WithVerifyAuto"))
                    acc.good.push_back(node_evidence(f, c.node, "jwx parse verifies with a key bound to an algorithm"));
                else
                    acc.bad.push_back(node_evidence(f, c.node, "jwx parse without WithKey: the signature is not verified"));
            }
            continue;
        }
        if (c.name == "ParseUnverified") {
            acc.bad.push_back(node_evidence(f, c.node, "ParseUnverified: the signature is not checked"));
        } else if ((c.name == "Parse" || c.name == "ParseWithClaims") && (str::starts_with(c.callee, "jwt.") || str::contains(str::lower(c.callee), "parser"))) {
            bool pinned = valid_methods_anywhere && !str::starts_with(c.callee, "jwt.");
            for (TSNode a : args) {
                const std::string_view t = sx::text(f, a);
                if (str::contains(t, "WithValidMethods")) pinned = true;
                TSNode fnode = unwrap(a);
                if (is(fnode, "identifier")) {
                    if (auto fn = sx::find_function(f, sx::text(f, fnode))) fnode = *fn;
                }
                if (is(fnode, "func_literal") || is(fnode, "function_declaration") || is(fnode, "method_declaration")) {
                    const std::string_view body = sx::text(f, fnode);
                    if (str::contains(body, ".Method") || str::contains(body, "Header[\"alg\"]")) pinned = true;
                }
            }
            if (pinned) acc.good.push_back(node_evidence(f, c.node, "parse checks the signing method"));
            else acc.bad.push_back(node_evidence(f, c.node, "jwt.Parse without WithValidMethods or a token.Method check"));
        } else if (c.name == "NewWithClaims" || (c.name == "New" && c.callee == "jwt.New")) {
            if (!args.empty() && str::contains(sx::text(f, args[0]), "SigningMethodNone")) {
                acc.bad.push_back(node_evidence(f, c.node, "token signed with the 'none' method"));
                continue;
            }
            if (c.name == "NewWithClaims" && args.size() >= 2) {
                TSNode claims = resolve(f, args[1]);
                const std::string_view ct = sx::text(f, claims);
                const std::string_view fn_text = sx::text(f, scope_of(f, c.node));
                if (str::contains(ct, "ExpiresAt") || str::contains(ct, "\"exp\"") || str::contains(fn_text, "ExpiresAt") ||
                    str::contains(fn_text, "\"exp\""))
                    acc.good.push_back(node_evidence(f, c.node, "token carries an expiry"));
                else
                    acc.bad.push_back(node_evidence(f, c.node, "token created without an exp / ExpiresAt claim"));
            }
        } else if (c.name == "SignedString" && !args.empty()) {
            judge_secret(f, c.node, args[0], acc);
        }
    }
    if (f.text.find("UnsafeAllowNoneSignatureType") != std::string::npos)
        acc.bad.push_back(f.evidence_at(f.text.find("UnsafeAllowNoneSignatureType"), "the 'none' algorithm is allowed"));
}

}  // namespace

namespace {

Outcome decide_jwt_hardening(const ProbeContext& ctx) {
    Acc acc;
    for (const auto* f : code_files(ctx)) {
        const std::string_view t = f->text;
        const bool maybe = t.find("jwt") != std::string_view::npos || t.find("JWT") != std::string_view::npos ||
                           t.find("jose") != std::string_view::npos || t.find("Jwt") != std::string_view::npos ||
                           t.find("next-auth") != std::string_view::npos || t.find("NextAuth") != std::string_view::npos ||
                           t.find("@auth/") != std::string_view::npos;
        if (!maybe) continue;
        if (is_js(*f)) js_file(*f, acc);
        else if (is_py(*f)) py_file(*f, acc);
        else if (is_go(*f)) go_file(*f, acc);
    }
    if (depends_on_any(ctx, {"next-auth", "@auth/core", "@auth/nextjs"})) acc.nextauth = true;
    if (!acc.bad.empty()) {
        {
            std::string msg_ = fmt::format("{} JWT weakness(es): {} (first: {}:{}).", acc.bad.size(), acc.bad.front().note,
                                acc.bad.front().path, acc.bad.front().line);
            return fail(std::move(msg_), std::move(acc.bad));
        }
    }
    if (!acc.undecided.empty()) {
        {
            std::string msg_ = fmt::format("{} JWT call(s) take options or payloads that could not be resolved to check algorithms "
                                   "and expiry (first: {}:{}).",
                                   acc.undecided.size(), acc.undecided.front().path, acc.undecided.front().line);
            return unknown(std::move(msg_), std::move(acc.undecided));
        }
    }
    if (!acc.good.empty()) {
        {
            std::string msg_ = fmt::format("{} JWT call(s) checked: verification pins its algorithms, signed tokens expire and no "
                                "secret is a literal (the strength of a secret held in the environment cannot be seen).",
                                acc.good.size());
            return pass(std::move(msg_), std::move(acc.good));
        }
    }
    if (acc.nextauth || acc.library_default) {
        Outcome o = pass(acc.nextauth
                             ? "Sessions are NextAuth/Auth.js JWTs: encrypted (JWE, A256GCM) with the secret from the "
                               "environment and expiring after session.maxAge (30 days unless set); no hand-rolled JWT code."
                             : "JWTs come from " + acc.default_note + "; no hand-rolled JWT code and no weakening settings.");
        o.relied_on_default = true;
        return o;
    }
    return na(has_code(ctx) ? "No JWT library in use." : "No application code to examine.");
}

}  // namespace

Outcome probe_sec_jwt_hardening(const ProbeContext& ctx) {
    Outcome o = decide_jwt_hardening(ctx);
    codesec::scrub(o);
    return o;
}

}  // namespace gonogo::checks
