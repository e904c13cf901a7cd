//! Entry templates: the built-in ones from core, and the person's own, stored.

use chrono::Utc;
use rusqlite::params;
use trajectory_core::{Template, TemplateDraft, builtin_templates};

use crate::db::Store;
use crate::entries::timestamp;
use crate::error::StoreError;

impl Store {
    /// Built-in templates first, then the person's own in the order they were made.
    pub fn templates(&self) -> Result<Vec<Template>, StoreError> {
        let mut all = builtin_templates();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, body FROM templates ORDER BY id")?;
        let own = stmt
            .query_map([], |r| {
                Ok(Template {
                    id: Some(r.get(0)?),
                    name: r.get(1)?,
                    body: r.get(2)?,
                    builtin: false,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        all.extend(own);
        Ok(all)
    }

    pub fn save_template(&mut self, draft: TemplateDraft) -> Result<Template, StoreError> {
        let draft = draft.validate()?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO templates (name, body, created_at) VALUES (?1, ?2, ?3)",
            params![draft.name, draft.body, timestamp(Utc::now())],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(Template {
            id: Some(id),
            name: draft.name,
            body: draft.body,
            builtin: false,
        })
    }

    pub fn delete_template(&mut self, id: i64) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        if tx.execute("DELETE FROM templates WHERE id = ?1", [id])? == 0 {
            return Err(StoreError::TemplateNotFound { id });
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_templates_follow_the_built_in_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        let builtin = store.templates().unwrap().len();
        let t = store
            .save_template(TemplateDraft {
                name: "1:1 with my manager".into(),
                body: "## Topics\n".into(),
            })
            .unwrap();
        let all = store.templates().unwrap();
        assert_eq!(all.len(), builtin + 1);
        assert_eq!(all.last().unwrap(), &t);
        store.delete_template(t.id.unwrap()).unwrap();
        assert_eq!(store.templates().unwrap().len(), builtin);
        assert!(matches!(
            store.delete_template(t.id.unwrap()),
            Err(StoreError::TemplateNotFound { .. })
        ));
    }
}
