package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"cn.planreview/planreview/model/demo"
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

// runGenDemo writes a synthetic plan of any size, for measuring.
func runGenDemo(env Env, _ *store.Store, a args) error {
	out := a.get("o")
	if out == "" {
		return usage("请用 -o 指定数据库文件名")
	}
	n := 1000
	if a.has("items") {
		if _, err := fmt.Sscan(a.get("items"), &n); err != nil || n < 10 || n > 100000 {
			return usage("--items 应为10到100000之间的整数")
		}
	}
	if y := a.get("years"); y != "" && y != "1" {
		return usage("--years：本版本一个数据库保存一个计划年度，只能为1")
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("文件“%s”已存在", out)
	}
	if err := demo.Write(out, n, 2023); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已生成演示计划：%s（%d项，每项12个月的实际值，每三项一条备注）\n", out, n)
	return nil
}
