import type { CountView, NotificationListQuery, NotificationView, Paged } from '@courtrisk/core';
import { http } from './http';

/** 本人的消息通知（分页，可只看未读）。 */
export const listNotifications = (query: NotificationListQuery) => http.get<Paged<NotificationView>>('/notifications', query);

/** 未读消息数。 */
export const countUnreadNotifications = () => http.get<CountView>('/notifications/unread-count');

/** 标记一条消息为已读。 */
export const markNotificationRead = (id: string) => http.post<NotificationView>(`/notifications/${id}/read`);

/** 全部标为已读；返回标记的条数。 */
export const markAllNotificationsRead = () => http.post<CountView>('/notifications/read-all');
