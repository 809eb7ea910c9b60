// Probe sec.password_hashing: are stored passwords hashed with a slow KDF (bcrypt,
// argon2, scrypt, PBKDF2 >= 100k iterations, Django/werkzeug defaults) rather than
// a fast digest (md5/sha*), stored from the request as-is, or compared in plain text?
#include <map>
#include <set>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/codesec_probes.hpp"
#include "checks/security/codesec_util.hpp"
#include "checks/security/web_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace codesec;

constexpr long k_min_pbkdf2_iterations = 100000;
constexpr long k_min_bcrypt_cost = 10;

struct Acc {
    std::vector<Evidence> bad, good, signals;
    // Django's password methods the service defines itself (a Flask User.check_password wrapping werkzeug):
    // their calls are not Django's hasher, the calls inside them are judged instead.
    std::set<std::string, std::less<>> own_password_methods;
    bool by_default = false;
    std::string default_note;
    // Python classes that carry data but store nothing (pydantic models, DRF serializers, forms,
    // SQLModel without table=True): constructing one with a password is not storing it.
    std::set<std::string, std::less<>> py_transfer_classes;
    std::set<std::string, std::less<>> py_classes;  // every class the service defines
};

// Collects the service's Python data-transfer classes from their base classes.
// Collects the service's Python classes with their base-class lists (names and keyword arguments).
void collect_classes(const File& f, std::map<std::string, std::string>& bases_of) {
    sx::walk_types(sx::root(f), {"class_definition"}, [&](TSNode n) {
        bases_of.emplace(std::string(sx::text(f, child(n, "name"))), std::string(sx::text(f, child(n, "superclasses"))));
        return true;
    });
}

// Which classes carry data without storing it: a direct base is a pydantic/DRF/form/TypedDict class or
// SQLModel without table=True, or a base is such a class of the service itself (followed through
// inheritance, UserUpdate(UserBase) with UserBase(SQLModel)). Stored-model markers win.
void resolve_transfer_classes(const std::map<std::string, std::string>& bases_of, Acc& acc) {
    for (const auto& [name, bases] : bases_of) acc.py_classes.insert(name);
    bool changed = true;
    while (changed) {
        changed = false;
        for (const auto& [name, bases] : bases_of) {
            if (acc.py_transfer_classes.count(name)) continue;
            if (str::contains(bases, "table=True") || str::contains(bases, "models.Model") ||
                str::contains(bases, "ModelForm") || str::contains(bases, "ModelSerializer"))
                continue;
            bool transfer = str::contains(bases, "BaseModel") || str::contains(bases, "Schema") ||
                            str::contains(bases, "Serializer") || str::contains(bases, "Form") ||
                            str::contains(bases, "TypedDict") || str::contains(bases, "SQLModel");
            for (const auto& t : acc.py_transfer_classes) {
                if (transfer) break;
                for (auto part : str::split(std::string_view(bases).substr(bases.empty() ? 0 : 1), ','))
                    if (str::trim(part) == t || str::trim(part) == t + ")") transfer = true;
            }
            if (transfer) {
                acc.py_transfer_classes.insert(name);
                changed = true;
            }
        }
    }
}

// Names that read as request/response shapes rather than stored models (UserCreate, UserUpdate, UserIn...):
// used only for classes the service does not define, whose base classes cannot be read.
bool transfer_name(std::string_view name) {
    for (std::string_view suffix : {"Create", "Update", "Patch", "In", "Out", "Base", "Public", "Schema", "Request",
                                    "Response", "Payload", "Input", "Dto", "DTO", "Form", "Serializer", "Register", "Params"})
        if (name.size() > suffix.size() && str::ends_with(name, suffix)) return true;
    return false;
}

std::optional<long> int_value(const File& f, TSNode n) {
    n = unwrap(n);
    if (is(n, "identifier")) {
        auto as = assignments_to(f, sx::root(f), sx::text(f, n));
        if (as.empty()) return std::nullopt;
        n = unwrap(as.front().value);
    }
    const std::string_view t = sx::type(n);
    if (t != "number" && t != "integer" && t != "int_literal") return std::nullopt;
    std::string digits;
    for (char ch : sx::text(f, n))
        if (std::isdigit(static_cast<unsigned char>(ch))) digits += ch;
        else if (ch != '_') break;
    if (digits.empty() || digits.size() > 12) return std::nullopt;
    return std::stol(digits);
}

// Does the subtree name a password (identifier, property, field, or a 'password' subscript key)?
bool mentions_password(const File& f, TSNode n) {
    bool found = false;
    sx::walk(n, [&](TSNode k) {
        if (found) return false;
        const std::string_view t = sx::type(k);
        if (t == "identifier" || t == "property_identifier" || t == "field_identifier" ||
            t == "shorthand_property_identifier") {
            if (password_like(sx::text(f, k))) found = true;
        } else if (sx::is_string_literal(k) && is(ts_node_parent(k), "subscript")) {
            if (password_like(sx::string_value(f, k))) found = true;
        } else if (sx::is_string_literal(k) && is(ts_node_parent(k), "subscript_expression")) {
            if (password_like(sx::string_value(f, k))) found = true;
        }
        return !found;
    });
    return found;
}

bool kdf_callee(std::string_view callee, std::string_view name) {
    const std::string l = str::lower(callee);
    if (str::contains(l, "bcrypt") &&
        (name == "hash" || name == "hashSync" || name == "compare" || name == "compareSync" || name == "hashpw" ||
         name == "checkpw" || name == "GenerateFromPassword" || name == "CompareHashAndPassword"))
        return true;
    if (str::contains(l, "argon2") && (name == "hash" || name == "verify" || name == "IDKey" || name == "Key")) return true;
    if (name == "scrypt" || name == "scryptSync" || (name == "Key" && str::contains(l, "scrypt"))) return true;
    if (name == "generate_password_hash" || name == "check_password_hash" || name == "make_password" ||
        name == "set_password" || name == "check_password")
        return true;
    if ((name == "hash" || name == "verify") && (str::contains(l, "pwd_context") || str::contains(l, "ph.") ||
                                                  str::contains(l, "hasher") || str::contains(l, "crypt_context")))
        return true;
    return false;
}

// Value produced by a slow KDF (directly or through a variable in scope).
bool from_kdf(const File& f, TSNode scope, TSNode v, int depth = 0) {
    v = unwrap(v);
    if (ts_node_is_null(v) || depth > 3) return false;
    if (is(v, "call_expression") || is(v, "call")) {
        std::string callee(sx::text(f, child(v, "function")));
        auto dot = callee.rfind('.');
        std::string_view name = dot == std::string::npos ? std::string_view(callee) : std::string_view(callee).substr(dot + 1);
        if (kdf_callee(callee, name) || str::contains(str::lower(callee), "hash")) return true;
        // Go string(hash) conversions, Python .decode()
        for (TSNode a : named_children(child(v, "arguments")))
            if (from_kdf(f, scope, a, depth + 1)) return true;
        TSNode fn = child(v, "function");
        if (is(fn, "attribute") || is(fn, "member_expression")) return from_kdf(f, scope, child(fn, "object"), depth + 1);
        return false;
    }
    if (is(v, "identifier") || is(v, "shorthand_property_identifier")) {
        const std::string_view name = sx::text(f, v);
        if (str::contains(str::lower(name), "hash")) return true;
        for (const auto& a : assignments_to(f, scope, name))
            if (from_kdf(f, scope, a.value, depth + 1)) return true;
        return false;
    }
    const std::string l = str::lower(sx::text(f, v));
    return str::contains(l, "hash");
}

// Request-side reads of a password: req.body.password, credentials.password, request.form["password"], in.Password.
bool request_password(const File& f, TSNode n) {
    const std::string_view t = sx::type(n);
    if (t == "member_expression" || t == "attribute" || t == "selector_expression") {
        TSNode prop = child(n, t == "member_expression" ? "property" : (t == "attribute" ? "attribute" : "field"));
        if (!password_like(sx::text(f, prop))) return false;
        const std::string obj = str::lower(sx::text(f, child(n, t == "selector_expression" ? "operand" : "object")));
        for (std::string_view w : {"req", "request", "body", "input", "credentials", "data", "form", "values", "dto",
                                   "payload", "params", "args", "in", "creds"})
            if (obj == w || str::starts_with(obj, std::string(w) + ".") || str::ends_with(obj, "." + std::string(w)))
                return true;
        return false;
    }
    if (t == "subscript" || t == "subscript_expression") {
        TSNode idx = child(n, t == "subscript" ? "subscript" : "index");
        const std::string obj(sx::text(f, child(n, t == "subscript" ? "value" : "object")));
        return sx::is_string_literal(idx) && password_like(sx::string_value(f, idx)) &&
               (str::contains(obj, "request") || str::contains(obj, "req") || str::contains(obj, "form") ||
                str::contains(obj, "data") || str::contains(obj, "body"));
    }
    return false;
}

const std::set<std::string_view> k_fast_js{"md5", "sha1", "sha256", "sha512", "MD5", "SHA1", "SHA256", "SHA512", "SHA3"};
const std::set<std::string_view> k_fast_py{"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b", "new"};
const std::set<std::string_view> k_fast_go{"Sum256", "Sum", "Sum512", "Sum224", "Sum384"};

// obj.hash()/obj.verify() where obj was built by a password-hashing library: pwdlib's PasswordHash,
// passlib's CryptContext, argon2-cffi's PasswordHasher (module-level assignment in the same file).
bool kdf_object_call(const File& f, const sx::Call& c) {
    if (c.name != "hash" && c.name != "verify" && c.name != "verify_and_update") return false;
    auto dot = c.callee.rfind('.');
    if (dot == std::string::npos || dot == 0) return false;
    for (const auto& a : assignments_to(f, sx::root(f), std::string_view(c.callee).substr(0, dot))) {
        const std::string_view v = sx::text(f, a.value);
        if (str::starts_with(v, "PasswordHash") || str::starts_with(v, "CryptContext") ||
            str::starts_with(v, "PasswordHasher") || str::starts_with(v, "argon2.PasswordHasher") ||
            str::starts_with(v, "passlib.context.CryptContext"))
            return true;
    }
    return false;
}

// True when the file builds a cipher (createCipheriv, AES.new, aes.NewCipher, Fernet...): a PBKDF2 call
// there derives an encryption key from a secret, which is not password storage.
bool derives_cipher_keys(const File& f, TSNode root) {
    for (const auto& c : sx::calls(f, root)) {
        const std::string_view n = c.name;
        if (n == "createCipheriv" || n == "createDecipheriv" || n == "NewCipher" || n == "NewGCM" || n == "Fernet" ||
            n == "AESGCM" || (n == "new" && (str::contains(c.callee, "AES") || str::contains(c.callee, "ChaCha20"))) ||
            (n == "importKey" && str::contains(c.callee, "subtle")))
            return true;
    }
    return false;
}

void scan_calls(const File& f, Acc& acc) {
    TSNode root = sx::root(f);
    const bool cipher_file = derives_cipher_keys(f, root);
    std::optional<web::Bindings> binds;  // read once, on the first bare call

    for (const auto& c : sx::calls(f, root)) {
        auto args = positional_args(c);
        // A bare name imported from a hashing library (`import { hash } from 'bcryptjs'`) is that library's call.
        std::string callee = c.callee;
        if (is_js(f) && callee.find('.') == std::string::npos) {
            if (!binds) binds = web::bindings(f);
            if (const auto* b = web::binding_of(*binds, callee); b && b->name != "*" && b->name != "default")
                callee = b->module + "." + b->name;
        }
        const std::string lc = str::lower(callee);
        TSNode scope = scope_of(f, c.node);
        // ---- slow KDFs (with their cost parameters) ----
        if (kdf_callee(callee, c.name) || kdf_object_call(f, c)) {
            std::optional<long> cost;
            if (str::contains(lc, "bcrypt") && (c.name == "hash" || c.name == "hashSync" || c.name == "GenerateFromPassword") &&
                args.size() >= 2)
                cost = int_value(f, args[1]);
            if (cost && *cost < k_min_bcrypt_cost) {
                acc.bad.push_back(node_evidence(f, c.node, fmt::format("bcrypt cost {} is below 10", *cost)));
                continue;
            }
            if (c.name == "GenerateFromPassword" && args.size() >= 2 && str::contains(sx::text(f, args[1]), "MinCost")) {
                acc.bad.push_back(node_evidence(f, c.node, "bcrypt.MinCost (4) is far below 10"));
                continue;
            }
            if (c.name == "generate_password_hash") {
                TSNode method = kwarg(f, c, "method");
                if (ts_node_is_null(method) && args.size() >= 2) method = args[1];
                const std::string m = str::lower(sx::string_value(f, method));
                if (!m.empty() && !str::contains(m, "pbkdf2") && !str::contains(m, "scrypt")) {
                    acc.bad.push_back(node_evidence(f, c.node, fmt::format("generate_password_hash with method '{}'", m)));
                    continue;
                }
                acc.by_default = true;
                acc.default_note = "werkzeug's generate_password_hash defaults (scrypt / pbkdf2)";
            }
            if (c.name == "make_password" || c.name == "set_password" || c.name == "check_password") {
                if (acc.own_password_methods.count(c.name)) continue;
                acc.by_default = true;
                acc.default_note = "Django's default password hasher (PBKDF2-SHA256, 600k+ iterations)";
            }
            acc.good.push_back(node_evidence(f, c.node, fmt::format("{}() is a slow password KDF", callee)));
            continue;
        }
        if (c.name == "gensalt" && str::contains(lc, "bcrypt")) {
            TSNode r = kwarg(f, c, "rounds");
            if (ts_node_is_null(r) && !args.empty()) r = args[0];
            auto cost = ts_node_is_null(r) ? std::nullopt : int_value(f, r);
            if (cost && *cost < k_min_bcrypt_cost) acc.bad.push_back(node_evidence(f, c.node, fmt::format("bcrypt cost {} is below 10", *cost)));
            continue;
        }
        if (c.name == "genSalt" && str::contains(lc, "bcrypt") && !args.empty()) {
            auto cost = int_value(f, args[0]);
            if (cost && *cost < k_min_bcrypt_cost) acc.bad.push_back(node_evidence(f, c.node, fmt::format("bcrypt cost {} is below 10", *cost)));
            continue;
        }
        if (c.name == "pbkdf2" || c.name == "pbkdf2Sync" || c.name == "pbkdf2_hmac" || (c.name == "Key" && str::contains(lc, "pbkdf2"))) {
            const std::size_t idx = c.name == "pbkdf2_hmac" ? 3 : 2;
            TSNode it = c.name == "pbkdf2_hmac" ? kwarg(f, c, "iterations") : TSNode{};
            if (ts_node_is_null(it) && args.size() > idx) it = args[idx];
            auto n = ts_node_is_null(it) ? std::nullopt : int_value(f, it);
            if (cipher_file) continue;  // key derivation for encryption (see derives_cipher_keys)
            if (n && *n < k_min_pbkdf2_iterations)
                acc.bad.push_back(node_evidence(f, c.node, fmt::format("PBKDF2 with {} iterations (fewer than 100,000)", *n)));
            else
                acc.good.push_back(node_evidence(f, c.node, "PBKDF2 with a high iteration count"));
            continue;
        }
        if (c.name == "CryptContext") {
            TSNode schemes = kwarg(f, c, "schemes");
            auto list = named_children(schemes);
            const std::string first = list.empty() ? std::string() : str::lower(sx::string_value(f, list[0]));
            if (!first.empty() && (str::contains(first, "md5") || str::contains(first, "sha1") || first == "plaintext" ||
                                   str::contains(first, "des_crypt") || str::starts_with(first, "hex_") || str::starts_with(first, "ldap_")))
                acc.bad.push_back(node_evidence(f, c.node, fmt::format("passlib CryptContext hashes new passwords with '{}'", first)));
            else
                acc.good.push_back(node_evidence(f, c.node, "passlib CryptContext with a slow scheme"));
            continue;
        }
        if (c.name == "PasswordHasher") {
            acc.good.push_back(node_evidence(f, c.node, "argon2-cffi PasswordHasher"));
            continue;
        }
        // ---- fast digests applied to a password ----
        bool fast = false;
        TSNode data{};
        if (is_js(f)) {
            if (c.name == "update" && (str::contains(c.callee, "createHash") || str::contains(c.callee, "createHmac"))) {
                fast = true;
            } else if (c.name == "update" || c.name == "digest") {
                // const h = crypto.createHash('sha256'); h.update(password)
                auto dot = c.callee.rfind('.');
                if (dot != std::string::npos)
                    for (const auto& a : assignments_to(f, scope, std::string_view(c.callee).substr(0, dot)))
                        if (str::contains(sx::text(f, a.value), "createHash")) fast = true;
            } else if (k_fast_js.count(c.name) && c.name != "SHA3") {
                fast = true;  // md5(password), CryptoJS.SHA256(password)
            }
            if (fast && !args.empty()) data = args[0];
        } else if (is_py(f)) {
            if (str::starts_with(c.callee, "hashlib.") && k_fast_py.count(c.name)) {
                fast = true;
                if (!args.empty()) data = args[c.name == "new" && args.size() >= 2 ? 1 : 0];
            } else if (c.name == "update") {
                auto dot = c.callee.rfind('.');
                if (dot != std::string::npos)
                    for (const auto& a : assignments_to(f, scope, std::string_view(c.callee).substr(0, dot)))
                        if (str::contains(sx::text(f, a.value), "hashlib.")) fast = true;
                if (fast && !args.empty()) data = args[0];
            }
        } else if (is_go(f)) {
            if ((str::starts_with(c.callee, "sha256.") || str::starts_with(c.callee, "md5.") || str::starts_with(c.callee, "sha1.") ||
                 str::starts_with(c.callee, "sha512.")) && k_fast_go.count(c.name)) {
                fast = true;
                if (!args.empty()) data = args[0];
            } else if (c.name == "Write") {
                auto dot = c.callee.rfind('.');
                if (dot != std::string::npos)
                    for (const auto& a : assignments_to(f, scope, std::string_view(c.callee).substr(0, dot))) {
                        const std::string_view v = sx::text(f, a.value);
                        if (str::contains(v, "sha256.New") || str::contains(v, "md5.New") || str::contains(v, "sha1.New") ||
                            str::contains(v, "sha512.New"))
                            fast = true;
                    }
                if (fast && !args.empty()) data = args[0];
            }
        }
        if (fast && !ts_node_is_null(data) && mentions_password(f, data)) {
            acc.bad.push_back(node_evidence(f, c.node, "password hashed with a fast digest (md5/sha*): use bcrypt/argon2/scrypt"));
            continue;
        }
        // ---- stored from the request as-is ----
        const bool store_js = is_js(f) && (c.name == "create" || c.name == "insert" || c.name == "insertOne" ||
                                           c.name == "save" || c.name == "upsert" || c.name == "createUser" ||
                                           c.name == "update" || c.name == "insertMany");
        if (store_js) {
            sx::walk(c.arguments, [&](TSNode n) {
                if (is(n, "pair")) {
                    TSNode k = child(n, "key");
                    const std::string key = sx::is_string_literal(k) ? sx::string_value(f, k) : std::string(sx::text(f, k));
                    if (!password_like(key)) return true;
                    TSNode v = unwrap(child(n, "value"));
                    if (!from_kdf(f, scope, v) && (request_password(f, v) || (is(v, "identifier") && password_like(sx::text(f, v)))))
                        acc.bad.push_back(node_evidence(f, n, "password stored without hashing"));
                    return false;
                }
                if (is(n, "shorthand_property_identifier") && password_like(sx::text(f, n))) {
                    if (!from_kdf(f, scope, n)) acc.bad.push_back(node_evidence(f, n, "password stored without hashing"));
                }
                return true;
            });
        }
        if (is_py(f) && c.name != "create_user" && c.name != "create_superuser") {
            const bool model_ctor = !c.name.empty() && std::isupper(static_cast<unsigned char>(c.name[0])) &&
                                    (str::contains(c.name, "User") || str::contains(c.name, "Account") ||
                                     str::contains(c.name, "Member") || str::contains(c.name, "Customer")) &&
                                    !acc.py_transfer_classes.count(c.name) &&
                                    // The name decides only for classes defined outside the service.
                                    (acc.py_classes.count(c.name) || !transfer_name(c.name));
            if (model_ctor || c.name == "create" || c.name == "insert_one" || c.name == "insert") {
                for (TSNode a : named_children(c.arguments)) {
                    if (!is(a, "keyword_argument") || !password_like(sx::text(f, child(a, "name")))) continue;
                    TSNode v = unwrap(child(a, "value"));
                    if (!from_kdf(f, scope, v) && (request_password(f, v) || (is(v, "identifier") && password_like(sx::text(f, v)))))
                        acc.bad.push_back(node_evidence(f, a, "password stored without hashing"));
                }
            }
        }
    }
    // ---- compared in plain text: user.password === password ----
    sx::walk(root, [&](TSNode n) {
        const std::string_view t = sx::type(n);
        if (t != "binary_expression" && t != "comparison_operator") return true;
        const std::string_view whole = sx::text(f, n);
        if (!str::contains(whole, "==")) return true;
        TSNode l = unwrap(child(n, "left")), r = unwrap(child(n, "right"));
        if (t == "comparison_operator") {
            auto kids = named_children(n);
            if (kids.size() == 2) {
                l = kids[0];
                r = kids[1];
            }
        }
        auto stored = [&](TSNode s) {
            const std::string_view st = sx::type(s);
            if (st != "member_expression" && st != "attribute" && st != "selector_expression") return false;
            TSNode prop = child(s, st == "member_expression" ? "property" : (st == "attribute" ? "attribute" : "field"));
            const std::string p = str::lower(sx::text(f, prop));
            if (p != "password" && p != "passwd") return false;
            const std::string obj = str::lower(sx::text(f, child(s, st == "selector_expression" ? "operand" : "object")));
            return str::contains(obj, "user") || str::contains(obj, "account") || str::contains(obj, "row") ||
                   str::contains(obj, "record") || str::contains(obj, "found") || str::contains(obj, "existing");
        };
        auto plain = [&](TSNode s) {
            return !is(s, "call_expression") && !is(s, "call") && mentions_password(f, s);
        };
        if ((stored(l) && plain(r)) || (stored(r) && plain(l)))
            acc.bad.push_back(node_evidence(f, n, "password compared in plain text"));
        return true;
    });
    // ---- signals that the service handles passwords ----
    if (f.text.find("assword") != std::string::npos || f.text.find("Credentials") != std::string::npos) {
        sx::walk(root, [&](TSNode n) {
            if (acc.signals.size() >= 3) return false;
            if (request_password(f, n)) {
                acc.signals.push_back(node_evidence(f, n, "password read from the request"));
                return false;
            }
            if ((is(n, "call_expression") || is(n, "call")) &&
                (sx::text(f, child(n, "function")) == "CredentialsProvider" || sx::text(f, child(n, "function")) == "Credentials")) {
                acc.signals.push_back(node_evidence(f, n, "credentials (password) sign-in"));
                return false;
            }
            return true;
        });
    }
}

// Django settings: PASSWORD_HASHERS with a weak first entry; django.contrib.auth installed.
void scan_django_settings(const File& f, Acc& acc) {
    if (f.text.find("PASSWORD_HASHERS") == std::string::npos && f.text.find("django.contrib.auth") == std::string::npos) return;
    sx::walk(sx::root(f), [&](TSNode n) {
        if (!is(n, "assignment")) return true;
        const std::string_view left = sx::text(f, child(n, "left"));
        TSNode right = unwrap(child(n, "right"));
        if (left == "PASSWORD_HASHERS") {
            auto items = named_children(right);
            const std::string first = items.empty() ? std::string() : sx::string_value(f, items[0]);
            if (str::contains(first, "MD5") || str::contains(first, "SHA1") || str::contains(first, "Unsalted") ||
                str::contains(first, "Crypt"))
                acc.bad.push_back(node_evidence(f, n, fmt::format("PASSWORD_HASHERS hashes new passwords with {}", first)));
            else
                acc.good.push_back(node_evidence(f, n, "PASSWORD_HASHERS starts with a slow hasher"));
        } else if (left == "INSTALLED_APPS" && (str::contains(sx::text(f, right), "\"django.contrib.auth\"") ||
                                              str::contains(sx::text(f, right), "'django.contrib.auth'"))) {
            acc.signals.push_back(node_evidence(f, n, "django.contrib.auth is installed"));
            acc.by_default = true;
            if (acc.default_note.empty()) acc.default_note = "Django's default password hasher (PBKDF2-SHA256, 600k+ iterations)";
        }
        return true;
    });
}

}  // namespace

namespace {

Outcome decide_password_hashing(const ProbeContext& ctx) {
    Acc acc;
    bool django_auth = false;
    std::map<std::string, std::string> py_bases;  // Python class -> its superclasses text
    for (const auto* f : code_files(ctx))
        if (is_py(*f) && f->text.find("class ") != std::string::npos) collect_classes(*f, py_bases);
    resolve_transfer_classes(py_bases, acc);
    for (const auto* f : code_files(ctx)) {
        if (!is_py(*f) || f->text.find("_password(") == std::string::npos) continue;
        sx::walk_types(sx::root(*f), {"function_definition"}, [&](TSNode fn) {
            auto name = sx::text(*f, sx::field(fn, "name"));
            if (name == "make_password" || name == "set_password" || name == "check_password")
                acc.own_password_methods.insert(std::string(name));
            return true;
        });
    }
    for (const auto* f : code_files(ctx)) {
        const std::string_view t = f->text;
        const bool maybe = t.find("assword") != std::string_view::npos || t.find("bcrypt") != std::string_view::npos ||
                           t.find("argon2") != std::string_view::npos || t.find("scrypt") != std::string_view::npos ||
                           t.find("pbkdf2") != std::string_view::npos || t.find("Credentials") != std::string_view::npos ||
                           t.find("PASSWORD") != std::string_view::npos || t.find("pwd") != std::string_view::npos ||
                           t.find("CryptContext") != std::string_view::npos || t.find("PasswordHasher") != std::string_view::npos;
        if (!maybe) continue;
        scan_calls(*f, acc);
        if (is_py(*f)) {
            std::size_t before = acc.signals.size();
            scan_django_settings(*f, acc);
            if (acc.signals.size() > before) django_auth = true;
        }
    }
    // Schema/migration columns: a password hash column means the service stores passwords.
    for (const auto* f : own_files(ctx, {collect::Language::prisma, collect::Language::sql})) {
        const std::string l = str::lower(f->text);
        for (std::string_view col : {"passwordhash", "password_hash", "hashed_password", "hashedpassword", "password"}) {
            auto at = l.find(col);
            if (at == std::string::npos) continue;
            acc.signals.push_back(f->evidence_at(at, "password column in the schema"));
            break;
        }
    }
    if (!acc.bad.empty()) {
        {
            std::string msg_ = fmt::format("Passwords are not protected by a slow KDF: {} (first: {}:{}).", acc.bad.front().note,
                                acc.bad.front().path, acc.bad.front().line);
            return fail(std::move(msg_), std::move(acc.bad));
        }
    }
    const bool explicit_kdf = !acc.good.empty();
    if (explicit_kdf) {
        std::string msg_ = fmt::format("Passwords go through a slow KDF: {} ({}:{}).", acc.good.front().note,
                                     acc.good.front().path, acc.good.front().line);
        Outcome o = pass(std::move(msg_), std::move(acc.good));
        bool only_defaults = true;
        for (const auto& e : o.evidence)
            if (!str::contains(e.note, "make_password") && !str::contains(e.note, "set_password") &&
                !str::contains(e.note, "check_password") && !str::contains(e.note, "generate_password_hash"))
                only_defaults = false;
        if (acc.by_default && only_defaults) {
            o.relied_on_default = true;
            o.message += " Relies on " + acc.default_note + ".";
        }
        return o;
    }
    if (django_auth) {
        std::string msg_ = "Passwords are handled by django.contrib.auth, which hashes them with " + acc.default_note +
                           "; no weaker PASSWORD_HASHERS configured.";
        Outcome o = pass(std::move(msg_), std::move(acc.signals));
        o.relied_on_default = true;
        return o;
    }
    if (!acc.signals.empty()) {
        std::string msg_ = fmt::format("The service handles passwords ({}:{}) but no hashing call was found; it may happen "
                                       "in a library or helper that was not followed.",
                                       acc.signals.front().path, acc.signals.front().line);
        return unknown(std::move(msg_), std::move(acc.signals));
    }
    return na(has_code(ctx) ? "No password handling found (no password fields, credential sign-in or hashing calls): "
                              "authentication is delegated or absent."
                            : "No application code to examine.");
}

}  // namespace

Outcome probe_sec_password_hashing(const ProbeContext& ctx) {
    Outcome o = decide_password_hashing(ctx);
    codesec::scrub(o);
    return o;
}

}  // namespace gonogo::checks
