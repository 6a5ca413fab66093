import type { ChangePasswordInput, LoginInput, SessionView } from '@courtrisk/core';
import { http } from './http';

/** 登录：成功后服务器写入会话 Cookie，并返回会话信息与 CSRF 令牌。 */
export const login = (input: LoginInput) => http.post<SessionView>('/auth/login', input);

/** 退出登录：结束当前会话。 */
export const logout = () => http.post<{ ok: true }>('/auth/logout');

/** 退出全部设备：结束本人的所有会话。 */
export const logoutAll = () => http.post<{ ok: true; ended: number }>('/auth/logout-all');

/** 当前会话：登录人、角色、权限与 CSRF 令牌。 */
export const fetchSession = () => http.get<SessionView>('/auth/me');

/** 修改本人密码：返回带新 CSRF 令牌的会话。 */
export const changePassword = (input: ChangePasswordInput) => http.post<SessionView>('/auth/password', input);
