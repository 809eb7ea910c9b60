CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY,
  table_name TEXT NOT NULL,
  action TEXT NOT NULL,
  actor TEXT,
  row_data JSONB,
  changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION log_change() RETURNS trigger AS $$
BEGIN
  INSERT INTO audit_log (table_name, action, actor, row_data)
  VALUES (TG_TABLE_NAME, TG_OP, current_setting('app.actor', true), to_jsonb(OLD));
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER users_audit AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION log_change();
