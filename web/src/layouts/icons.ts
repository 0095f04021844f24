// Icon names used by lib/nav.ts -> Element Plus icon components.
import {
  AlarmClock,
  Avatar,
  Calendar,
  DataAnalysis,
  Tickets,
  Warning,
  Document,
  Flag,
  HomeFilled,
  House,
  Iphone,
  Key,
  Link,
  Odometer,
  Plus,
  User,
} from '@element-plus/icons-vue';
import type { Component } from 'vue';

export const icons: Record<string, Component> = {
  dashboard: Odometer,
  phone: Iphone,
  house: House,
  plus: Plus,
  user: User,
  cadre: Avatar,
  flag: Flag,
  link: Link,
  key: Key,
  audit: Document,
  home: HomeFilled,
  chart: DataAnalysis,
  tasks: Tickets,
  clock: AlarmClock,
  warning: Warning,
  calendar: Calendar,
};
