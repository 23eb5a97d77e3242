package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
	years := 1
	if a.has("years") {
		if _, err := fmt.Sscan(a.get("years"), &years); err != nil || years < 1 || years > 20 {
			return usage("--years 应为1到20之间的整数")
		}
	}
	// One database holds one plan year (each year's plan is its own
	// document), so several years are several files: NAME-2021.db,
	// NAME-2022.db, NAME-2023.db. Opening one year never pays for the
	// others.
	first := 2023 - years + 1
	files := []string{out}
	if years > 1 {
		files = nil
		base := strings.TrimSuffix(out, filepath.Ext(out))
		for y := first; y <= 2023; y++ {
			files = append(files, fmt.Sprintf("%s-%d%s", base, y, filepath.Ext(out)))
		}
	}
	for _, f := range files {
		if _, err := os.Stat(f); err == nil {
			return fmt.Errorf("文件“%s”已存在", f)
		}
	}
	for i, f := range files {
		year := first + i
		if err := demo.WriteYear(f, n, year, int64(year)); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已生成%d年演示计划：%s（%d项，每项12个月的实际值，每三项一条备注）\n", year, f, n)
	}
	return nil
}
