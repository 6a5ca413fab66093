import type { Command } from 'commander';
import type { CourtLevel } from '@courtrisk/core';
import { withServices } from '../platform.js';

interface CreateOptions {
  username: string;
  name: string;
  role: string;
  courtCode: string;
  courtName?: string;
  courtLevel?: CourtLevel;
}

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('账号管理（在服务器上由运维人员执行）');
  user
    .command('create')
    .description('新建账号；法院代码不存在且给出法院名称时先建该法院（用于创建第一个管理员）')
    .requiredOption('--username <账号>', '登录账号，字母开头')
    .requiredOption('--name <姓名>', '姓名')
    .option('--role <角色编码>', '角色编码，如 admin、risk_office、judge', 'admin')
    .requiredOption('--court-code <代码>', '法院代码，如 京01')
    .option('--court-name <名称>', '法院名称（新建法院时必填）')
    .option('--court-level <层级>', '新建法院的层级：high / intermediate / basic', 'intermediate')
    .action(async (options: CreateOptions) => {
      const created = await withServices((services) =>
        services.operator.createAccount({
          username: options.username,
          displayName: options.name,
          roleCode: options.role,
          courtCode: options.courtCode,
          courtName: options.courtName,
          courtLevel: options.courtLevel,
        }),
      );
      console.log(`已在「${created.courtName}」创建账号 ${created.username}`);
      console.log(`初始密码（只显示这一次，首次登录须修改）：${created.initialPassword}`);
    });
  user
    .command('reset-password <username>')
    .description('重置密码，生成一次性初始密码并结束其全部会话')
    .action(async (username: string) => {
      const password = await withServices((services) => services.operator.resetPassword(username));
      console.log(`账号 ${username} 的新初始密码（只显示这一次）：${password}`);
    });
  user
    .command('unlock <username>')
    .description('解除登录失败锁定')
    .action(async (username: string) => {
      await withServices((services) => services.operator.unlock(username));
      console.log(`账号 ${username} 已解锁`);
    });
}
