package cli

import (
	"fmt"
	"path/filepath"

	"cn.planreview/planreview/model/store"
)

func runBackup(env Env, st *store.Store, a args) error {
	out := a.get("o")
	if out == "" {
		return usage("请用 -o 指定备份文件名")
	}
	if err := st.Backup(out); err != nil {
		return err
	}
	info, err := store.Describe(out)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已备份到 %s：%s\n", out, info)
	return nil
}

// runRestore replaces the database with a backup, after checking the
// backup and keeping the current database as a backup of its own.
func runRestore(env Env, _ *store.Store, a args) error {
	if len(a.pos) != 1 {
		return usage("需要一个备份文件名")
	}
	path := a.get("db")
	info, err := store.Restore(path, a.pos[0], env.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已从 %s 恢复：%s。恢复前的数据库已备份在 %s。\n", a.pos[0], info, store.BackupDir(path))
	return nil
}

func runBackups(env Env, _ *store.Store, a args) error {
	path := a.get("db")
	bs, err := store.Backups(path)
	if err != nil {
		return err
	}
	if len(bs) == 0 {
		fmt.Fprintln(env.Stdout, "还没有自动备份。")
		return nil
	}
	for _, b := range bs {
		info, err := store.Describe(b)
		if err != nil {
			fmt.Fprintf(env.Stdout, "%s：不可用（%v）\n", filepath.Base(b), err)
			continue
		}
		fmt.Fprintf(env.Stdout, "%s：%s\n", b, info)
	}
	return nil
}
